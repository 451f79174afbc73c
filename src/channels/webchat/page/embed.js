/*
 * The snippet a dealer pastes into its website:
 *   <script src="https://BOT/webchat/embed.js" data-lang="it" async></script>
 * It adds a round chat button; the button opens a panel holding the bot's chat page in an iframe
 * (?embed=1), so the conversation runs on the bot's origin and the dealer's page stays untouched.
 * data-lang (it|en) is optional: without it the page follows the browser's language.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__mobilityConciergeEmbed) return;
  window.__mobilityConciergeEmbed = true;

  var origin = new URL(script.src, location.href).origin;
  var lang = script.getAttribute('data-lang') || (navigator.language || '').slice(0, 2).toLowerCase();
  var NAVY = '#0b1f3a';
  var open = false;
  var frame = null;

  var css = [
    '.mc-embed-button{position:fixed;right:24px;bottom:24px;z-index:2147483000;width:60px;height:60px;border-radius:50%;border:0;',
    'background:' + NAVY + ';color:#fff;cursor:pointer;box-shadow:0 12px 30px -10px rgba(11,31,58,.6);display:grid;place-items:center;}',
    '.mc-embed-button:focus-visible{outline:3px solid #8fb3e8;outline-offset:3px}',
    '.mc-embed-panel{position:fixed;right:24px;bottom:96px;z-index:2147483000;width:400px;height:min(640px,calc(100vh - 120px));',
    'background:#fff;border:1px solid #dfe3ea;box-shadow:0 24px 60px -24px rgba(11,31,58,.45);display:none}',
    '.mc-embed-panel.mc-open{display:block}',
    '.mc-embed-panel iframe{width:100%;height:100%;border:0;display:block}',
    '@media (max-width:560px){.mc-embed-panel{right:0;bottom:0;width:100vw;height:100vh;border:0}',
    '.mc-embed-button.mc-open{bottom:auto;top:12px;right:12px;width:40px;height:40px}}'
  ].join('');
  var style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);

  var chatIcon = '<svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" d="M4 5h16v11H9l-5 4z"/></svg>';
  var closeIcon = '<svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true"><path stroke="currentColor" stroke-width="1.8" d="M6 6l12 12M18 6L6 18"/></svg>';

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'mc-embed-button';
  button.innerHTML = chatIcon;
  button.setAttribute('aria-expanded', 'false');
  var panel = document.createElement('div');
  panel.className = 'mc-embed-panel';
  panel.setAttribute('role', 'dialog');

  var words = null;
  function label() {
    if (!words) return;
    button.setAttribute('aria-label', open ? words.embed.close : words.embed.open);
    button.title = button.getAttribute('aria-label');
    panel.setAttribute('aria-label', words.embed.frameTitle.replace('{{dealer}}', words.dealer));
    if (frame) frame.title = panel.getAttribute('aria-label');
  }
  // The button's words come from the bot (locales/<lang>/webchat.json), like the page's.
  fetch(origin + '/webchat/i18n/' + (lang === 'en' ? 'en' : 'it'))
    .then(function (res) { return res.ok ? res.json() : null; })
    .then(function (body) {
      if (!body) return;
      words = { embed: body.words.embed, dealer: body.site.name };
      label();
    })
    .catch(function () {});

  button.addEventListener('click', function () {
    open = !open;
    if (open && !frame) {
      // The conversation starts when the customer first opens the panel, not on every page view.
      frame = document.createElement('iframe');
      frame.src = origin + '/?embed=1' + (script.getAttribute('data-lang') ? '&lang=' + encodeURIComponent(lang) : '');
      frame.allow = 'clipboard-write';
      panel.appendChild(frame);
    }
    panel.classList.toggle('mc-open', open);
    button.classList.toggle('mc-open', open);
    button.innerHTML = open ? closeIcon : chatIcon;
    button.setAttribute('aria-expanded', String(open));
    label();
  });

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
