/*
 * The supervisors' insights page: reads GET /api/officer/insights for the chosen days and draws
 * the figures with chart.js (served by this app from node_modules). From an unanswered group a
 * supervisor opens the procedure and its local data, or attaches the citizen's wording to the
 * procedure meant (found with /api/procedures/search) — POST /api/officer/insights/phrasings —
 * and removes a learned wording from the list. Vietnamese labels.
 */
(function () {
  'use strict';
  var Chart = window.Chart;
  var INTENTS = {
    documents: 'Giấy tờ cần nộp', fee: 'Lệ phí', processing_time: 'Thời gian giải quyết', how_to: 'Cách nộp, nơi nộp',
    conditions: 'Điều kiện', result: 'Kết quả thủ tục', overview: 'Giới thiệu thủ tục', status: 'Tra cứu hồ sơ',
    handoff: 'Gặp cán bộ', greeting: 'Chào hỏi', thanks: 'Cảm ơn', out_of_scope: 'Ngoài phạm vi', fallback: 'Không hiểu câu hỏi',
  };
  var OUTCOMES = {
    answered: 'Trả lời được', clarify: 'Hỏi lại cho rõ', not_found: 'Không tìm thấy thủ tục', out_of_scope: 'Ngoài phạm vi',
    error: 'Lỗi hệ thống', other: 'Khác (chào hỏi, tra cứu hồ sơ, gặp cán bộ)',
  };
  var CHANNELS = { webchat: 'Khung chat trên cổng', zalo: 'Zalo OA', portal: 'Cổng dịch vụ công' };
  var COLORS = ['#0d47a1', '#b71c1c', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#9e9d24', '#ad1457', '#455a64', '#1565c0', '#c62828', '#558b2f'];
  var charts = {};
  var csrf = null;

  var $ = function (id) { return document.getElementById(id); };
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); });
    return node;
  }
  var label = function (map, key) { return map[key] || key; };
  var percent = function (value) { return value === null || value === undefined ? '—' : (value * 100).toFixed(1).replace('.', ',') + '%'; };
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '—';
    if (seconds < 60) return Math.round(seconds) + ' giây';
    if (seconds < 3600) return (seconds / 60).toFixed(1).replace('.', ',') + ' phút';
    return (seconds / 3600).toFixed(1).replace('.', ',') + ' giờ';
  }
  var shortDay = function (day) { return day.slice(8, 10) + '/' + day.slice(5, 7); };
  var today = function () { return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()); };
  function daysBefore(day, n) {
    var t = new Date(day + 'T12:00:00+07:00').getTime() - n * 86400000;
    return new Date(t + 7 * 3600000).toISOString().slice(0, 10);
  }

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new Chart($(id), config);
  }

  function perChannel(report, field, stacked, type) {
    draw(field === 'questions' ? 'chart-questions' : 'chart-conversations', {
      type: type,
      data: {
        labels: report.days.map(function (d) { return shortDay(d.day); }),
        datasets: report.channels.map(function (channel, i) {
          return { label: label(CHANNELS, channel), data: report.days.map(function (d) { return d[field][channel] || 0; }), backgroundColor: COLORS[i % COLORS.length], borderColor: COLORS[i % COLORS.length] };
        }),
      },
      options: { scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  function kpi(name, value, note) {
    return el('div', { class: 'kpi' }, [el('div', { class: 'label', text: name }), el('div', { class: 'value', text: String(value) }), el('div', { class: 'note', text: note || '' })]);
  }

  function renderKpis(r) {
    var s = r.satisfaction;
    var nodes = [
      kpi('Cuộc trò chuyện', r.totals.conversations),
      kpi('Câu hỏi', r.totals.questions),
      kpi('Chưa trả lời được', r.totals.unanswered, 'không tìm thấy, ngoài phạm vi, lỗi'),
      kpi('Tỷ lệ chuyển cán bộ', percent(r.handoff.rate), r.handoff.handedOff + '/' + r.handoff.conversations + ' cuộc trò chuyện'),
      kpi('Chờ cán bộ nhận', duration(r.officerWait.medianSeconds), 'trung vị; 90%: ' + duration(r.officerWait.p90Seconds) + ' (' + r.officerWait.count + ' yêu cầu)'),
      kpi('Phản hồi đầu tiên', duration(r.firstResponse.medianSeconds), 'trung vị; 90%: ' + duration(r.firstResponse.p90Seconds) + ' (' + r.firstResponse.count + ' yêu cầu)'),
      kpi('Mức hài lòng', percent(s.overallRate), 'hữu ích ' + s.up + ' · chưa hữu ích ' + s.down + ' · đánh giá cán bộ: ' + s.ratings + (s.ratingAverage !== null ? ' (TB ' + String(s.ratingAverage).replace('.', ',') + '/5)' : '')),
      kpi('Lượt tra cứu hồ sơ', r.totals.dossierLookups),
    ];
    $('kpis').replaceChildren.apply($('kpis'), nodes);
  }

  /** Same-origin JSON call; writes carry the session's CSRF token. Rejects with the server's Vietnamese message (and issues). */
  function api(method, url, body) {
    var headers = {};
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      if (response.status === 401) { window.location.href = '/officer'; throw new Error('Phiên làm việc đã hết hạn.'); }
      return response.json().then(function (data) {
        if (!response.ok) {
          var issues = (data.error && data.error.issues) || [];
          throw new Error(issues.length ? issues.map(function (i) { return i.message; }).join('; ') : (data.error && data.error.message) || 'Lỗi ' + response.status);
        }
        return data;
      });
    });
  }
  var procedureLabel = function (code, name) { return code + (name ? ' — ' + name : ''); };

  /** The procedure a group's answer named: its record and its local data. */
  function procedureLinks(code, name) {
    return el('span', {}, [
      el('a', { href: '/api/procedures/' + encodeURIComponent(code), target: '_blank', rel: 'noopener', text: procedureLabel(code, name) }),
      ' · ',
      el('a', { href: '/officer/local?code=' + encodeURIComponent(code), text: 'dữ liệu địa phương' }),
    ]);
  }

  /** "Thêm cách hỏi này": pick the procedure meant (search by name or code; the answered one preselected), optional reason. */
  function learnForm(g) {
    var search = el('input', { type: 'search', class: 'learn-search', placeholder: 'Tìm thủ tục theo tên hoặc mã', 'aria-label': 'Tìm thủ tục người dân muốn hỏi' });
    var select = el('select', { class: 'learn-code', 'aria-label': 'Thủ tục người dân muốn hỏi', required: 'required' });
    var reason = el('input', { class: 'learn-reason', maxlength: '500', placeholder: 'Lý do (không bắt buộc)', 'aria-label': 'Lý do' });
    var message = el('p', { class: 'learn-message', role: 'status' });
    var button = el('button', { type: 'submit', class: 'learn-add', text: 'Thêm cách hỏi này' });
    var form = el('form', { class: 'learn' }, [search, select, reason, button, message]);
    var searched = '';
    function fill(results) {
      var options = [];
      var seen = {};
      if (g.procedureCode) { options.push({ code: g.procedureCode, name: g.procedureName }); seen[g.procedureCode] = true; }
      results.forEach(function (r) { if (!seen[r.code]) { seen[r.code] = true; options.push(r); } });
      select.replaceChildren.apply(select, options.length
        ? options.map(function (o) { return el('option', { value: o.code, text: procedureLabel(o.code, o.name) }); })
        : [el('option', { value: '', text: 'Không tìm thấy thủ tục — thử từ khác' })]);
    }
    function find(q) {
      q = q.trim();
      if (!q || q === searched) return;
      searched = q;
      api('GET', '/api/procedures/search?limit=10&q=' + encodeURIComponent(q))
        .then(function (data) { if (searched === q) fill(data.results); })
        .catch(function (error) { message.textContent = error.message; });
    }
    var timer = null;
    search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { find(search.value); }, 250); });
    search.addEventListener('keydown', function (event) { if (event.key === 'Enter') { event.preventDefault(); clearTimeout(timer); find(search.value); } });
    fill([]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!select.value) { message.textContent = 'Chọn thủ tục người dân muốn hỏi.'; return; }
      button.disabled = true;
      message.textContent = 'Đang thêm và cập nhật chỉ mục tìm kiếm…';
      api('POST', '/api/officer/insights/phrasings', { text: g.text, code: select.value, reason: reason.value })
        .then(function () { load(); })
        .catch(function (error) { message.textContent = error.message; button.disabled = false; });
    });
    var details = el('details', { class: 'learn-box' }, [el('summary', { text: 'Thêm vào cách hỏi của thủ tục…' }), form]);
    details.addEventListener('toggle', function () { if (details.open) { find(g.text); search.focus(); } });
    return details;
  }

  function renderUnanswered(groups) {
    var rows = groups.map(function (g) {
      var outcomes = Object.keys(g.outcomes).map(function (o) { return label(OUTCOMES, o) + ': ' + g.outcomes[o]; }).join('; ');
      var cell = [];
      if (g.procedureCode) cell.push(procedureLinks(g.procedureCode, g.procedureName));
      else cell.push(el('a', { href: '/api/procedures/search?q=' + encodeURIComponent(g.text), target: '_blank', rel: 'noopener', text: 'Tìm thủ tục phù hợp' }));
      (g.learned || []).forEach(function (l) {
        cell.push(el('div', { class: 'learned-note', text: '✓ Đã thêm cách hỏi này cho thủ tục ' + procedureLabel(l.code, l.name) }));
      });
      cell.push(learnForm(g));
      return el('tr', { 'data-key': g.key }, [
        el('td', {}, [g.text, el('div', { class: 'key', text: 'Khóa từ điển: ' + g.key })]),
        el('td', { class: 'num', text: String(g.count) }), el('td', { text: outcomes }),
        el('td', { class: 'num', text: String(g.disliked) }), el('td', {}, cell), el('td', { text: g.comments.join(' | ') }),
      ]);
    });
    if (!rows.length) rows = [el('tr', {}, [el('td', { colspan: '6', text: 'Không có câu hỏi nào trong khoảng thời gian này.' })])];
    $('unanswered').replaceChildren.apply($('unanswered'), rows);
  }

  function renderLearned(list) {
    var rows = list.map(function (p) {
      var remove = el('button', { type: 'button', class: 'learned-remove', text: 'Gỡ' });
      var message = el('span', { class: 'learn-message', role: 'status' });
      remove.addEventListener('click', function () {
        remove.disabled = true;
        api('DELETE', '/api/officer/insights/phrasings/' + encodeURIComponent(p.id), {})
          .then(function () { load(); })
          .catch(function (error) { message.textContent = error.message; remove.disabled = false; });
      });
      return el('tr', { 'data-id': String(p.id) }, [
        el('td', {}, [p.text, el('div', { class: 'key', text: 'Từ được lập chỉ mục: ' + p.words })]),
        el('td', {}, [procedureLinks(p.code, p.name)]),
        el('td', { text: p.author + ', ' + new Date(p.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) }),
        el('td', { text: p.reason }),
        el('td', {}, [remove, message]),
      ]);
    });
    if (!rows.length) rows = [el('tr', {}, [el('td', { colspan: '5', text: 'Chưa có cách hỏi nào được thêm.' })])];
    $('learned').replaceChildren.apply($('learned'), rows);
  }

  function render(r) {
    renderKpis(r);
    perChannel(r, 'questions', true, 'bar');
    perChannel(r, 'conversations', false, 'line');
    draw('chart-lookups', {
      type: 'bar',
      data: {
        labels: r.days.map(function (d) { return shortDay(d.day); }),
        datasets: [
          { label: 'Lượt tra cứu', data: r.days.map(function (d) { return d.lookups; }), backgroundColor: COLORS[0] },
          { label: 'Tìm thấy hồ sơ', data: r.days.map(function (d) { return d.lookupsFound; }), backgroundColor: COLORS[2] },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    draw('chart-procedures', {
      type: 'bar',
      data: {
        labels: r.topProcedures.map(function (p) { return p.name ? p.code + ' — ' + (p.name.length > 32 ? p.name.slice(0, 31) + '…' : p.name) : p.code; }),
        datasets: [{ label: 'Số câu hỏi', data: r.topProcedures.map(function (p) { return p.questions; }), backgroundColor: COLORS[0] }],
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
    });
    draw('chart-intents', {
      type: 'doughnut',
      data: { labels: r.intents.map(function (i) { return label(INTENTS, i.intent); }), datasets: [{ data: r.intents.map(function (i) { return i.questions; }), backgroundColor: COLORS }] },
      options: { plugins: { legend: { position: 'right' } } },
    });
    draw('chart-outcomes', {
      type: 'doughnut',
      data: { labels: r.outcomes.map(function (o) { return label(OUTCOMES, o.outcome); }), datasets: [{ data: r.outcomes.map(function (o) { return o.questions; }), backgroundColor: COLORS }] },
      options: { plugins: { legend: { position: 'right' } } },
    });
    renderUnanswered(r.unanswered);
    renderLearned(r.learned || []);
    document.body.setAttribute('data-loaded', r.range.from + '..' + r.range.to);
  }

  function load() {
    var query = '?from=' + encodeURIComponent($('from').value) + '&to=' + encodeURIComponent($('to').value);
    $('csv').setAttribute('href', '/api/officer/insights/unanswered.csv' + query);
    history.replaceState(null, '', location.pathname + query);
    $('error').textContent = '';
    fetch('/api/officer/insights' + query, { credentials: 'same-origin' })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (result) {
        if (!result.ok) { $('error').textContent = (result.body && result.body.error && result.body.error.message) || 'Không tải được số liệu.'; return; }
        render(result.body);
      })
      .catch(function () { $('error').textContent = 'Không kết nối được máy chủ.'; });
  }

  var params = new URLSearchParams(location.search);
  $('to').value = params.get('to') || today();
  $('from').value = params.get('from') || daysBefore($('to').value, 29);
  $('range').addEventListener('submit', function (event) { event.preventDefault(); load(); });
  if (!Chart) { $('error').textContent = 'Không tải được thư viện biểu đồ.'; return; }
  api('GET', '/api/officer/me').then(function (data) { csrf = data.csrfToken; }).catch(function () { /* writes will say why */ }).then(load);
})();
