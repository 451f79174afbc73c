/*
 * The chat page: picks Italian or English from the browser (or ?lang= from the embed snippet),
 * fills the page's words (locales/<lang>/webchat.json, embedded by the bot in the page), and
 * renders Bot Framework Web Chat on the custom Direct Line object of direct-line.js.
 */
(function () {
  'use strict';

  var settings = JSON.parse(document.getElementById('webchat-settings').textContent);
  var params = new URLSearchParams(location.search);
  var LOCALES = { it: 'it-IT', en: 'en-GB' };

  /** ?lang= first, then the browser's languages; a visitor in neither language gets English. */
  function pickLanguage() {
    var supported = settings.languages;
    var asked = params.get('lang');
    if (asked && supported.indexOf(asked) >= 0) return asked;
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || '']);
    for (var i = 0; i < wanted.length; i++) {
      var lang = String(wanted[i]).slice(0, 2).toLowerCase();
      if (supported.indexOf(lang) >= 0) return lang;
    }
    return supported.indexOf('en') >= 0 ? 'en' : settings.defaultLanguage;
  }

  var lang = pickLanguage();
  var locale = LOCALES[lang] || lang;
  var words = settings.words[lang];
  var site = settings.site;
  var vars = { dealer: site.name, phone: site.phone, address: site.address, brand: site.brand };

  function t(key) {
    var found = key.split('.').reduce(function (o, k) { return o && typeof o === 'object' ? o[k] : undefined; }, words);
    return String(typeof found === 'string' ? found : key).replace(/\{\{(\w+)\}\}/g, function (m, name) {
      return name in vars ? vars[name] : m;
    });
  }

  function fillPage() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelector('meta[name="description"]').setAttribute('content', t('description'));
    if (params.get('embed') === '1') document.body.classList.add('embedded');
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-label]').forEach(function (el) { el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label'))); });
    document.getElementById('brand').textContent = site.brand;
    document.getElementById('monogram').textContent = site.brand.charAt(0);
    document.getElementById('dealer-name').textContent = site.name;
    document.getElementById('address').textContent = site.address;
    var phone = document.getElementById('phone');
    phone.textContent = site.phone;
    phone.href = 'tel:' + site.phone.replace(/[^+\d]/g, '');
    document.getElementById('footer').textContent = t('footer.rights');
    document.querySelectorAll('.lang a').forEach(function (a) {
      var target = a.getAttribute('data-lang');
      a.setAttribute('title', t('language.' + target));
      if (target === lang) a.setAttribute('aria-current', 'true');
      if (params.get('embed') === '1') a.href = '?embed=1&lang=' + target;
    });
  }

  /** kind: 'unavailable' | 'expired', or null when things work again (the note goes). */
  function showProblem(kind) {
    var el = document.getElementById('problem');
    if (!kind) {
      el.hidden = true;
      return;
    }
    el.textContent = t(kind === 'expired' ? 'chat.expired' : 'chat.unavailable');
    el.hidden = false;
  }

  var NAVY = '#0b1f3a';
  var LINE = '#dfe3ea';
  var FONT = "'Helvetica Neue', Helvetica, 'Liberation Sans', Arial, sans-serif";

  var styleOptions = {
    accent: NAVY,
    backgroundColor: '#fbfbfa',
    primaryFont: FONT,
    rootHeight: '100%',
    rootWidth: '100%',
    avatarSize: 34,
    botAvatarInitials: site.brand.charAt(0),
    botAvatarBackgroundColor: NAVY,
    bubbleBackground: '#ffffff',
    bubbleBorderColor: LINE,
    bubbleBorderRadius: 2,
    bubbleBorderWidth: 1,
    bubbleNubSize: 0,
    bubbleMaxWidth: 520,
    bubbleTextColor: '#1b2533',
    bubbleFromUserBackground: NAVY,
    bubbleFromUserBorderColor: NAVY,
    bubbleFromUserBorderRadius: 2,
    bubbleFromUserNubSize: 0,
    bubbleFromUserTextColor: '#ffffff',
    hideUploadButton: true,
    sendBoxBackground: '#ffffff',
    sendBoxBorderTop: 'solid 1px ' + LINE,
    sendBoxButtonColor: NAVY,
    sendBoxHeight: 56,
    sendBoxTextColor: '#1b2533',
    suggestedActionLayout: 'flow',
    suggestedActionHeight: 36,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: NAVY,
    suggestedActionBorderRadius: 18,
    suggestedActionBorderWidth: 1,
    suggestedActionTextColor: NAVY,
    suggestedActionBackgroundColorOnHover: NAVY,
    suggestedActionTextColorOnHover: '#ffffff',
    suggestedActionBorderColorOnHover: NAVY,
    suggestedActionsStackedHeight: 240,
    timestampColor: '#7a8494',
    cardEmphasisBackgroundColor: '#eef1f6',
    richCardWrapTitle: true,
    paddingRegular: 12,
    transitionDuration: '0.2s'
  };

  /**
   * The bot's choices are postBacks (hidden in Web Chat's transcript): send them as messageBacks
   * with the button's title as displayText, so the customer sees what they chose. The bot reads
   * the token from `value` first, as on /api/messages.
   */
  var cardActionMiddleware = function () {
    return function (next) {
      return function (args) {
        var action = args && args.cardAction;
        // The receipt's calendar link is relative to the bot (docs/reminders.md): Web Chat opens
        // only absolute http(s) links, so it is made absolute against this page, the bot's own.
        if (action && action.type === 'openUrl' && typeof action.value === 'string' && action.value.charAt(0) === '/' && action.value.charAt(1) !== '/') {
          args = Object.assign({}, args, { cardAction: Object.assign({}, action, { value: window.location.origin + action.value }) });
          action = args.cardAction;
        }
        if (action && action.type === 'postBack' && typeof action.value === 'string') {
          // Web Chat hides a message without text, so the title goes in text too.
          var shown = action.displayText || action.title;
          args = Object.assign({}, args, {
            cardAction: Object.assign({}, action, { type: 'messageBack', displayText: shown, text: shown })
          });
        }
        return next(args);
      };
    };
  };

  fillPage();
  var directLine = window.createConciergeDirectLine({ locale: locale, onProblem: showProblem });
  window.WebChat.renderWebChat(
    {
      directLine: directLine,
      locale: locale,
      styleOptions: styleOptions,
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t('chat.placeholder') },
      cardActionMiddleware: cardActionMiddleware
    },
    document.getElementById('webchat')
  );
})();
