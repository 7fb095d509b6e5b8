// The web chat client: no framework, no external requests, a few KB for slow phones.
(function () {
  'use strict';
  var ui = JSON.parse(document.getElementById('ui').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var state = { sessionId: null, lang: pickLang(), busy: false };

  function pickLang() {
    var fromUrl = new URLSearchParams(location.search).get('lang');
    if (fromUrl && ui.strings[fromUrl]) return fromUrl;
    var langs = navigator.languages || [navigator.language || 'ja'];
    for (var i = 0; i < langs.length; i++) {
      var primary = String(langs[i]).toLowerCase().split('-')[0];
      if (ui.strings[primary]) return primary;
    }
    return 'ja';
  }

  function applyStrings() {
    var s = ui.strings[state.lang];
    // Easy Japanese is Japanese to the browser and to screen readers.
    document.documentElement.lang = state.lang === 'ja-easy' ? 'ja' : state.lang;
    document.title = s.title;
    $('title').textContent = s.title;
    $('lang-label').textContent = s.languageLabel;
    $('q').placeholder = s.placeholder;
    $('q-label').textContent = s.placeholder;
    $('send').textContent = s.send;
    $('privacy').textContent = s.privacy;
    $('log').setAttribute('aria-label', s.log);
    $('lang').value = state.lang;
    var banner = $('banner');
    banner.textContent = '';
    appendLinked(banner, s.banner);
  }

  // Phone numbers in text become tap-to-call links.
  var phonePattern = new RegExp('(' + ui.phones.map(function (p) { return p.display.replace(/[-]/g, '\\-'); }).join('|') + ')', 'g');
  function appendLinked(parent, text) {
    var parts = text.split(phonePattern);
    parts.forEach(function (part) {
      var phone = ui.phones.find(function (p) { return p.display === part; });
      if (phone) {
        var a = document.createElement('a');
        a.href = 'tel:' + phone.e164;
        a.textContent = part;
        parent.appendChild(a);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  // Easy Japanese: each kanji word with its reading above it, in <ruby>.
  function appendRuby(parent, segments) {
    segments.forEach(function (segment) {
      if (!segment.ruby) return appendLinked(parent, segment.text);
      var ruby = document.createElement('ruby');
      ruby.appendChild(document.createTextNode(segment.text));
      var rt = document.createElement('rt');
      rt.textContent = segment.ruby;
      ruby.appendChild(rt);
      parent.appendChild(ruby);
    });
  }

  function addMessage(text, who, ruby) {
    var div = document.createElement('div');
    div.className = 'msg ' + who;
    var label = document.createElement('span');
    label.className = 'who';
    label.textContent = (who === 'user' ? ui.strings[state.lang].you : ui.strings[state.lang].bot) + ': ';
    div.appendChild(label);
    if (ruby) appendRuby(div, ruby);
    else appendLinked(div, text);
    $('log').appendChild(div);
    div.scrollIntoView({ block: 'end' });
  }

  function showChoices(reply) {
    var box = $('choices');
    box.textContent = '';
    (reply.calls || []).slice(0, 2).forEach(function (call) {
      var a = document.createElement('a');
      a.className = 'call';
      a.href = call.tel;
      a.textContent = call.label;
      box.appendChild(a);
    });
    (reply.quickReplies || []).forEach(function (choice) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = choice.label;
      b.addEventListener('click', function () { send({ postback: choice.postback }, choice.label); });
      box.appendChild(b);
    });
  }

  function send(payload, shown) {
    if (state.busy) return;
    state.busy = true;
    if (shown) addMessage(shown, 'user');
    if (state.sessionId) payload.sessionId = state.sessionId;
    fetch('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body }; }); })
      .then(function (r) {
        if (!r.ok) throw new Error(r.body && r.body.error ? r.body.error.message : 'error');
        var reply = r.body;
        state.sessionId = reply.sessionId;
        if (reply.lang !== state.lang && ui.strings[reply.lang]) { state.lang = reply.lang; applyStrings(); }
        reply.messages.forEach(function (m) { addMessage(m.text, 'bot', m.ruby); });
        showChoices(reply);
      })
      .catch(function () { addMessage(ui.strings[state.lang].error, 'bot'); })
      .then(function () { state.busy = false; });
  }

  ui.langs.forEach(function (l) {
    var o = document.createElement('option');
    o.value = l.code;
    o.textContent = l.name;
    $('lang').appendChild(o);
  });
  $('lang').addEventListener('change', function (e) {
    state.lang = e.target.value;
    applyStrings();
    send({ postback: 'lang:' + state.lang, lang: state.lang });
  });
  $('form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('q').value.trim();
    if (!text) return;
    $('q').value = '';
    send({ text: text }, text);
  });
  applyStrings();
  send({ postback: 'start', lang: state.lang });
})();
