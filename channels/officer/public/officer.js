/* Bàn trực cán bộ: plain JS over the officer JSON API; session cookie + X-CSRF-Token on writes. */
(function () {
  'use strict';
  var csrf = null;
  var me = null;
  var current = null; // ticket id shown on the right
  var source = null;
  var officers = [];
  var $ = function (id) { return document.getElementById(id); };
  var WHO = { citizen: 'Người dân', bot: 'Trợ lý', officer: 'Cán bộ', system: 'Hệ thống' };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function api(method, url, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok) {
            var error = new Error((data.error && data.error.message) || 'Có lỗi xảy ra, vui lòng thử lại.');
            error.status = response.status;
            throw error;
          }
          return data;
        });
      });
  }

  function waited(since) {
    var seconds = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 1000));
    if (seconds < 60) return seconds + ' giây';
    var minutes = Math.floor(seconds / 60);
    return minutes < 60 ? minutes + ' phút' : Math.floor(minutes / 60) + ' giờ ' + (minutes % 60) + ' phút';
  }

  function showLogin() {
    $('login').hidden = false; $('console').hidden = true; $('logout').hidden = true; $('who').textContent = '';
    if (source) { source.close(); source = null; }
    $('username').focus();
  }

  function showConsole() {
    $('login').hidden = true; $('console').hidden = false; $('logout').hidden = false;
    $('insights-link').hidden = me.role !== 'supervisor';
    $('local-link').hidden = me.role !== 'supervisor';
    $('who').textContent = me.displayName + (me.role === 'supervisor' ? ' (giám sát viên)' : me.sectors.length ? ' — ' + me.sectors.join(', ') : '');
    connect();
    loadOfficers();
    loadQueue();
  }

  function connect() {
    if (source) source.close();
    source = new EventSource('/api/officer/events');
    source.onopen = function () { $('live').textContent = 'Trực tuyến'; };
    source.onerror = function () { $('live').textContent = 'Đang kết nối lại…'; };
    source.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch { return; }
      loadQueue();
      // "refresh": live events cannot reach this console for now (Redis down): reload what is open.
      if (current && (data.ticketId === current || data.type === 'refresh')) loadTicket(current);
    };
  }

  /** Push channels (Zalo): a warning when free replies run low, the window is closed, or messages failed; '' otherwise. */
  function deliveryNote(delivery, failedCount) {
    if (!delivery) return '';
    var w = delivery.window;
    var notes = [];
    if (!w.open) notes.push('ngoài khung trả lời miễn phí (người dân cần nhắn lại)');
    else if (w.low) notes.push('chỉ còn ' + w.remaining + ' tin trả lời miễn phí đến ' + new Date(w.closesAt).toLocaleString('vi-VN'));
    if (failedCount) notes.push(failedCount + ' tin không gửi được');
    return notes.length ? '⚠ Zalo: ' + notes.join('; ') : '';
  }

  /** Where the citizen writes from, as officers call it. */
  var CHANNEL_LABELS = { webchat: 'Web', zalo: 'Zalo', portal: 'Cổng DVC (Web Chat)' };

  function item(entry, kind) {
    var li = el('li', { 'data-ticket': entry.ticketId, class: entry.ticketId === current ? 'current' : '' });
    var metaNode = el('div', { class: 'meta' });
    metaNode.appendChild(document.createTextNode((entry.sector || 'Chưa rõ lĩnh vực') + ' · ' + (CHANNEL_LABELS[entry.channel] || entry.channel)));
    if (kind === 'queue') {
      metaNode.appendChild(document.createTextNode(' · chờ '));
      metaNode.appendChild(el('span', { class: 'wait', 'data-since': entry.waitingSince, text: waited(entry.waitingSince) }));
      if (entry.position) metaNode.appendChild(document.createTextNode(' · vị trí ' + entry.position));
    }
    if (entry.callbackPhone) metaNode.appendChild(document.createTextNode(' · gọi lại: ' + entry.callbackPhone));
    var warn = deliveryNote(entry.delivery, entry.delivery && entry.delivery.failed);
    if (warn) metaNode.appendChild(el('span', { class: 'error', text: ' ' + warn }));
    li.appendChild(metaNode);
    li.appendChild(el('div', { class: 'summary', text: entry.summary || '(không có nội dung)' }));
    var actions = el('div', { class: 'actions' });
    if (kind === 'queue') {
      var claim = el('button', { type: 'button', text: 'Tiếp nhận', 'aria-label': 'Tiếp nhận: ' + (entry.summary || '') });
      claim.addEventListener('click', function () { claimTicket(entry.ticketId, claim); });
      actions.appendChild(claim);
    }
    var open = el('button', { type: 'button', class: 'secondary', text: 'Xem', 'aria-label': 'Xem: ' + (entry.summary || '') });
    open.addEventListener('click', function () { loadTicket(entry.ticketId); });
    actions.appendChild(open);
    li.appendChild(actions);
    return li;
  }

  function fill(listId, entries, kind, emptyText) {
    var list = $(listId);
    list.textContent = '';
    if (!entries.length) { list.appendChild(el('li', { class: 'empty', text: emptyText })); return; }
    entries.forEach(function (entry) { list.appendChild(item(entry, kind)); });
  }

  function loadQueue() {
    return api('GET', '/api/officer/queue').then(function (data) {
      fill('queue', data.items, 'queue', 'Không có yêu cầu nào đang chờ.');
      fill('mine', data.mine, 'mine', 'Bạn chưa tiếp nhận yêu cầu nào.');
      fill('others', data.others, 'others', 'Không có.');
      fill('followups', data.followUps, 'followups', 'Không có yêu cầu cần trả lời sau.');
    }).catch(handleAuthError);
  }

  function loadOfficers() {
    return api('GET', '/api/officer/officers').then(function (data) {
      officers = data.officers;
      var select = $('transfer-to');
      select.textContent = '';
      select.appendChild(el('option', { value: 'queue', text: 'Trả lại hàng chờ' }));
      officers.forEach(function (o) {
        if (o.id !== me.id) select.appendChild(el('option', { value: o.id, text: o.displayName + (o.sectors.length ? ' (' + o.sectors.join(', ') + ')' : '') }));
      });
    }).catch(handleAuthError);
  }

  function claimTicket(id, button) {
    button.disabled = true;
    api('POST', '/api/officer/tickets/' + encodeURIComponent(id) + '/claim').then(function () {
      return loadTicket(id);
    }).catch(function (error) {
      $('ticket-error').textContent = error.message;
      alertError(error);
    }).then(loadQueue);
  }

  function alertError(error) {
    if (error.status === 401) showLogin();
  }
  function handleAuthError(error) { if (error.status === 401) showLogin(); }

  function loadTicket(id) {
    current = id;
    return api('GET', '/api/officer/tickets/' + encodeURIComponent(id)).then(function (view) {
      var t = view.ticket;
      $('ticket-title').textContent = 'Yêu cầu: ' + (t.summary || t.id);
      $('ticket-body').hidden = false;
      var state = { waiting_officer: 'đang chờ', with_officer: 'đang trao đổi', closed: 'đã kết thúc' }[t.state] || t.state;
      var warn = deliveryNote(view.delivery, view.delivery && view.delivery.failures.length);
      $('ticket-meta').textContent = 'Trạng thái: ' + state + ' · lĩnh vực: ' + (t.sector || 'chưa rõ') + ' · từ ' + new Date(t.waitingSince).toLocaleString('vi-VN') +
        (t.callbackPhone ? ' · số gọi lại: ' + t.callbackPhone : '') + (warn ? ' · ' + warn : '');
      var log = $('transcript');
      log.textContent = '';
      view.transcript.forEach(function (m) {
        log.appendChild(el('p', { class: 'msg ' + m.from }, [el('span', { class: 'who', text: WHO[m.from] || m.from }), document.createTextNode(m.text)]));
      });
      log.scrollTop = log.scrollHeight;
      var mine = t.state === 'with_officer' && t.officerId === me.id;
      var canWrite = mine || t.state === 'waiting_officer' || t.state === 'closed';
      $('send').disabled = !canWrite;
      $('close').disabled = t.state === 'closed';
      $('transfer').disabled = t.state === 'closed';
      var context = $('context');
      context.textContent = '';
      function row(label, value) { context.appendChild(el('dt', { text: label })); context.appendChild(el('dd', { text: value })); }
      row('Thủ tục', view.context.procedure ? view.context.procedure.name + ' (' + view.context.procedure.code + ')' : 'chưa xác định');
      row('Ý định', view.context.intents.length ? view.context.intents.join(', ') : 'chưa có');
      row('Hồ sơ đã tra cứu', view.context.dossiers.length ? view.context.dossiers.map(function (d) { return d.code + (d.status ? ' — ' + d.status : ''); }).join('; ') : 'không có');
      var suggestions = $('suggestions');
      suggestions.textContent = '';
      if (!view.suggestions.length) suggestions.appendChild(el('p', { class: 'empty', text: 'Chưa có gợi ý cho câu hỏi này.' }));
      view.suggestions.forEach(function (s) {
        var use = el('button', { type: 'button', class: 'secondary', text: 'Dùng gợi ý này' });
        use.addEventListener('click', function () { $('reply').value = s.text; $('reply').focus(); });
        suggestions.appendChild(el('div', { class: 'suggestion' }, [el('strong', { text: s.procedureName + ' (' + s.procedureCode + ')' }), document.createTextNode('\n' + s.text + '\n'), use]));
      });
      Array.prototype.forEach.call(document.querySelectorAll('ul.tickets li'), function (li) {
        li.classList.toggle('current', li.getAttribute('data-ticket') === id);
      });
    }).catch(function (error) { $('ticket-error').textContent = error.message; alertError(error); });
  }

  $('login').addEventListener('submit', function (event) {
    event.preventDefault();
    $('login-error').textContent = '';
    api('POST', '/api/officer/login', { username: $('username').value, password: $('password').value }).then(function (data) {
      csrf = data.csrfToken; me = data.officer; $('password').value = '';
      showConsole();
    }).catch(function (error) { $('login-error').textContent = error.message; });
  });

  $('logout').addEventListener('click', function () {
    api('POST', '/api/officer/logout').catch(function () { /* ignore */ }).then(function () { csrf = null; me = null; current = null; showLogin(); });
  });

  $('reply-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('reply').value.trim();
    if (!text || !current) return;
    $('send').disabled = true;
    $('ticket-error').textContent = '';
    api('POST', '/api/officer/tickets/' + encodeURIComponent(current) + '/messages', { text: text }).then(function () {
      $('reply').value = '';
      return loadTicket(current);
    }).catch(function (error) { $('ticket-error').textContent = error.message; alertError(error); })
      .then(function () { $('send').disabled = false; loadQueue(); });
  });
  $('reply').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('reply-form').requestSubmit(); }
  });

  $('transfer').addEventListener('click', function () {
    if (!current) return;
    var to = $('transfer-to').value;
    api('POST', '/api/officer/tickets/' + encodeURIComponent(current) + '/transfer', to === 'queue' ? { queue: true } : { officerId: to })
      .then(function () { return loadTicket(current); })
      .catch(function (error) { $('ticket-error').textContent = error.message; alertError(error); })
      .then(loadQueue);
  });

  $('close').addEventListener('click', function () {
    if (!current) return;
    api('POST', '/api/officer/tickets/' + encodeURIComponent(current) + '/close', { reason: $('close-reason').value })
      .then(function () { return loadTicket(current); })
      .catch(function (error) { $('ticket-error').textContent = error.message; alertError(error); })
      .then(loadQueue);
  });

  setInterval(function () {
    Array.prototype.forEach.call(document.querySelectorAll('.wait'), function (span) { span.textContent = waited(span.getAttribute('data-since')); });
  }, 1000);

  api('GET', '/api/officer/me').then(function (data) { me = data.officer; csrf = data.csrfToken; showConsole(); }).catch(showLogin);
})();
