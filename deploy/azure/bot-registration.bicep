// Mobility Concierge — Azure Bot registration (Azure AI Bot Service) with the Teams and Direct Line
// channels. The bot itself runs elsewhere (the container image / Helm chart in deploy/); this only
// registers its public messaging endpoint https://<botHost>/api/messages with the Bot Service.
//
// Deploy into a resource group (see README.md beside this file):
//   az deployment group create -g <rg> -f deploy/azure/bot-registration.bicep \
//     -p botName=<name> botHost=<bot.example.com> msaAppId=<app-id> msaAppTenantId=<tenant-id>
//
// API version 2022-09-15: the latest GA version of Microsoft.BotService (2023-09-15-preview is
// a preview).

targetScope = 'resourceGroup'

@description('Resource name of the Azure Bot: globally unique, 2-64 characters, letters, digits, "_", "." and "-", starting with a letter or digit.')
@minLength(2)
@maxLength(64)
param botName string

@description('Name shown to users in the channels.')
@maxLength(42)
param displayName string = 'Mobility Concierge'

@description('Optional description of the bot.')
param botDescription string = 'Books a workshop appointment together with the customer\'s mobility solution.'

@description('Public host name (no scheme, no path) where the bot answers; the messaging endpoint becomes https://<botHost>/api/messages.')
param botHost string

@description('Pricing tier: F0 (free: standard channels unlimited, premium channels capped) or S1 (standard).')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('How the bot\'s identity is managed. New multi-tenant bots can no longer be created (deprecated after 31 July 2025): use SingleTenant or UserAssignedMSI; MultiTenant is for existing registrations only.')
@allowed([
  'SingleTenant'
  'MultiTenant'
  'UserAssignedMSI'
])
param msaAppType string = 'SingleTenant'

@description('Application (client) ID of the bot\'s Microsoft Entra app registration, or the client ID of the user-assigned managed identity. The bot\'s MicrosoftAppId setting.')
param msaAppId string

@description('Directory (tenant) ID of the app registration or managed identity. Required for SingleTenant and UserAssignedMSI. The bot\'s MicrosoftAppTenantId setting.')
param msaAppTenantId string = ''

@description('Resource ID of the user-assigned managed identity (UserAssignedMSI only).')
param msaAppMSIResourceId string = ''

@description('Location of the bot resource. "global" unless you need regional data residency (then the bot needs region-specific settings too).')
param location string = 'global'

@description('Direct Line: require enhanced authentication (tokens bound to trusted origins) for the Web Chat site.')
param directLineEnhancedAuth bool = false

@description('Direct Line: trusted origins (e.g. https://www.dealer.example) when enhanced authentication is on.')
param directLineTrustedOrigins array = []

@description('Tags for the bot resource.')
param tags object = {}

var needsTenant = msaAppType == 'SingleTenant' || msaAppType == 'UserAssignedMSI'
var messagingEndpoint = 'https://${botHost}/api/messages'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: location
  kind: 'azurebot'
  sku: {
    name: sku
  }
  tags: tags
  properties: {
    displayName: displayName
    description: botDescription
    endpoint: messagingEndpoint
    msaAppType: msaAppType
    msaAppId: msaAppId
    msaAppTenantId: needsTenant ? msaAppTenantId : null
    msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msaAppMSIResourceId : null
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: false
    isStreamingSupported: false
    schemaTransformationVersion: '1.3'
  }
}

// Microsoft Teams. The bot still needs a Teams app package (manifest with botId = msaAppId)
// uploaded to the tenant before users can find it.
resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

// Direct Line (v3 only): the dealer website's Web Chat. Its secret keys are not outputs; read
// them with `az bot directline show --with-secrets` and keep them server-side (exchange them for
// short-lived tokens, never embed a secret in a web page).
resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: location
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: directLineEnhancedAuth
          trustedOrigins: directLineTrustedOrigins
          // The bot takes no file uploads.
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

@description('Resource ID of the Azure Bot.')
output botResourceId string = bot.id

@description('The messaging endpoint registered for the bot.')
output messagingEndpoint string = messagingEndpoint

@description('Settings the bot process needs (add MicrosoftAppPassword from your secret store, except for UserAssignedMSI).')
output botEnvironment object = {
  MicrosoftAppId: msaAppId
  MicrosoftAppType: msaAppType
  MicrosoftAppTenantId: needsTenant ? msaAppTenantId : ''
}
