// Staff page: shows nothing until a token is given; it reads the staff APIs with it.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var STEP_NAMES = {
    number_given: '番号を案内', transfer_started: '電話を転送', confirmed_called: '電話済みと回答',
    card_found: 'カード発見', reissue_info: '再交付を案内', callback_requested: '折り返し希望', call_ended: '通話終了'
  };
  var CHANNELS = { web: 'ウェブ', line: 'LINE', phone: '電話', terminal: '端末' };

  function token() { return sessionStorage.getItem('adminToken') || ''; }

  function api(path) {
    return fetch('/api/admin/' + path, { headers: { Authorization: 'Bearer ' + token() } }).then(function (res) {
      if (res.status === 401) throw new Error('トークンが正しくありません。');
      if (!res.ok) throw new Error('読み込めませんでした（' + res.status + '）。');
      return res;
    });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function fill(tableId, rows) {
    var body = $(tableId).querySelector('tbody');
    body.textContent = '';
    rows.forEach(function (values) {
      var tr = document.createElement('tr');
      values.forEach(function (v) { cell(tr, v); });
      body.appendChild(tr);
    });
  }

  function chart(days) {
    var box = $('chart');
    box.textContent = '';
    var max = Math.max.apply(null, days.map(function (d) { return Math.max(d.turns, 1); }));
    days.forEach(function (d) {
      var day = document.createElement('div');
      day.className = 'day';
      day.title = d.date + ': 会話 ' + d.turns + ' / 受付 ' + d.reports;
      [['turns', d.turns], ['reports', d.reports]].forEach(function (pair) {
        var bar = document.createElement('div');
        bar.className = 'bar ' + pair[0];
        bar.style.height = Math.round((pair[1] / max) * 100) + '%';
        day.appendChild(bar);
      });
      box.appendChild(day);
    });
  }

  function load() {
    $('status').textContent = '読み込み中…';
    Promise.all([api('reports'), api('unanswered'), api('daily')])
      .then(function (responses) { return Promise.all(responses.map(function (r) { return r.json(); })); })
      .then(function (data) {
        fill('reports', data[0].reports.map(function (r) {
          return [
            r.reportId, new Date(r.createdAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }), CHANNELS[r.channel] || r.channel, r.lang,
            r.steps.map(function (s) { return STEP_NAMES[s.step] || s.step; }).join('、'),
            r.callback ? (r.callback.expired ? '希望あり（番号は保存期間切れ）' : r.callback.phone) : ''
          ];
        }));
        fill('unanswered', data[1].questions.map(function (q) { return [q.count, q.lang, q.question]; }));
        chart(data[2].days);
        $('data').hidden = false;
        $('status').textContent = '受付 ' + data[0].reports.length + ' 件、答えられなかった質問 ' + data[1].questions.length + ' 種類。';
      })
      .catch(function (error) { $('data').hidden = true; $('status').textContent = error.message; });
  }

  function download(name) {
    api(name).then(function (res) { return res.blob(); }).then(function (blob) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      a.click();
      URL.revokeObjectURL(a.href);
    }).catch(function (error) { $('status').textContent = error.message; });
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem('adminToken', $('token').value);
    $('token').value = '';
    load();
  });
  document.querySelectorAll('[data-csv]').forEach(function (button) {
    button.addEventListener('click', function () { download(button.getAttribute('data-csv')); });
  });
  if (token()) load();
})();
