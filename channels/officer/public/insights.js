/*
 * The supervisors' insights page: reads GET /api/officer/insights for the chosen days and draws
 * the figures with chart.js (served by this app from node_modules). Vietnamese labels.
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

  function renderUnanswered(groups) {
    var rows = groups.map(function (g) {
      var outcomes = Object.keys(g.outcomes).map(function (o) { return label(OUTCOMES, o) + ': ' + g.outcomes[o]; }).join('; ');
      var procedure;
      if (g.procedureCode) {
        procedure = el('a', { href: '/api/procedures/' + encodeURIComponent(g.procedureCode), target: '_blank', rel: 'noopener', text: g.procedureCode + (g.procedureName ? ' — ' + g.procedureName : '') });
      } else {
        procedure = el('a', { href: '/api/procedures/search?q=' + encodeURIComponent(g.text), target: '_blank', rel: 'noopener', text: 'Tìm thủ tục phù hợp' });
      }
      return el('tr', {}, [
        el('td', {}, [g.text, el('div', { class: 'key', title: 'Dòng cần thêm vào knowledge/language/vocabulary/citizen-phrases.json', text: 'Khóa từ điển: ' + g.key })]),
        el('td', { class: 'num', text: String(g.count) }), el('td', { text: outcomes }),
        el('td', { class: 'num', text: String(g.disliked) }), el('td', {}, [procedure]), el('td', { text: g.comments.join(' | ') }),
      ]);
    });
    if (!rows.length) rows = [el('tr', {}, [el('td', { colspan: '6', text: 'Không có câu hỏi nào trong khoảng thời gian này.' })])];
    $('unanswered').replaceChildren.apply($('unanswered'), rows);
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
  load();
})();
