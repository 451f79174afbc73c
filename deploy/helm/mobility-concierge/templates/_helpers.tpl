{{/*
Chart name, truncated to 63 characters (a DNS label).
*/}}
{{- define "mobility-concierge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: the release name, plus the chart name unless the release already
contains it.
*/}}
{{- define "mobility-concierge.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "mobility-concierge.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mobility-concierge.labels" -}}
helm.sh/chart: {{ include "mobility-concierge.chart" . }}
{{ include "mobility-concierge.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: bot
{{- end }}

{{- define "mobility-concierge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mobility-concierge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "mobility-concierge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "mobility-concierge.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "mobility-concierge.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}
{{- end }}

{{/*
The Secret holding MicrosoftAppPassword, if any ("" when none is configured).
*/}}
{{- define "mobility-concierge.secretName" -}}
{{- if .Values.microsoftAppPassword.existingSecret }}
{{- .Values.microsoftAppPassword.existingSecret }}
{{- else if .Values.microsoftAppPassword.value }}
{{- include "mobility-concierge.fullname" . }}
{{- end }}
{{- end }}

{{- define "mobility-concierge.secretKey" -}}
{{- if .Values.microsoftAppPassword.existingSecret }}
{{- .Values.microsoftAppPassword.existingSecretKey | default "MicrosoftAppPassword" }}
{{- else }}
{{- print "MicrosoftAppPassword" }}
{{- end }}
{{- end }}

{{/*
The ConfigMap holding the dealer file, if any ("" when the image's demo dealer is used).
*/}}
{{- define "mobility-concierge.dealerConfigMap" -}}
{{- if .Values.dealer.existingConfigMap }}
{{- .Values.dealer.existingConfigMap }}
{{- else if .Values.dealer.config }}
{{- printf "%s-dealer" (include "mobility-concierge.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "mobility-concierge.claimName" -}}
{{- default (printf "%s-data" (include "mobility-concierge.fullname" .)) .Values.persistence.existingClaim }}
{{- end }}

{{/*
Refuse configurations that would corrupt bookings: several instances over the embedded
(per-pod) planning or the per-pod session stores (SQLite file or memory).
*/}}
{{- define "mobility-concierge.validate" -}}
{{- $planning := .Values.config.PLANNING_URL | default "sqlite" | toString }}
{{- $embedded := or (eq $planning "sqlite") (eq $planning "memory") }}
{{- if and $embedded (or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled) }}
{{- fail "mobility-concierge: several replicas (replicaCount > 1 or autoscaling.enabled) need the PostgreSQL planning and the Redis session store; with config.PLANNING_URL=sqlite|memory keep replicaCount 1 and autoscaling disabled." }}
{{- end }}
{{- $several := or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled }}
{{- $sessions := .Values.config.SESSION_STORE | default "" | toString }}
{{- if and $several (or (eq $sessions "sqlite") (eq $sessions "memory")) }}
{{- fail "mobility-concierge: several replicas need the Redis session store; config.SESSION_STORE=sqlite|memory keeps conversations in one pod. Leave it empty (or redis) and set REDIS_URL." }}
{{- end }}
{{- $redis := ne (toString (.Values.config.REDIS_URL | default "")) "" }}
{{- range .Values.extraEnv }}{{- if and (eq (toString .name) "REDIS_URL") (or .value .valueFrom) }}{{- $redis = true }}{{- end }}{{- end }}
{{- if and $several (not $redis) (empty .Values.extraEnvFrom) }}
{{- fail "mobility-concierge: several replicas need the Redis session store: set config.REDIS_URL, or REDIS_URL in extraEnv (from a Secret when it holds a password)." }}
{{- end }}
{{- if and .Values.persistence.enabled (gt (int .Values.replicaCount) 1) (has "ReadWriteOnce" .Values.persistence.accessModes) }}
{{- fail "mobility-concierge: a ReadWriteOnce data volume cannot serve several replicas; set persistence.enabled=false once the planning is in PostgreSQL." }}
{{- end }}
{{- if and (eq (toString .Values.config.MicrosoftAppType) "SingleTenant") .Values.config.MicrosoftAppId (not .Values.config.MicrosoftAppTenantId) }}
{{- fail "mobility-concierge: MicrosoftAppType=SingleTenant needs config.MicrosoftAppTenantId." }}
{{- end }}
{{- end }}
