/*
 * Trợ lý thủ tục — web-chat widget. Embed with one tag:
 *   <script src="https://your-server/widget.js" defer></script>
 * Optional attributes: data-title="…" data-server="https://…" (defaults to the script's origin).
 * No dependencies; Vietnamese UI; keyboard and screen-reader accessible.
 */
(function () {
  'use strict';
  if (window.__troLyThuTuc) return;
  window.__troLyThuTuc = true;

  var script = document.currentScript;
  var server = (script && script.getAttribute('data-server')) || (script ? new URL(script.src).origin : '');
  var title = (script && script.getAttribute('data-title')) || 'Trợ lý thủ tục hành chính';
  var STORAGE_KEY = 'tltt.conversationId';

  var css = [
    '.tltt-bubble{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;background:#b71c1c;color:#fff;font-size:28px;cursor:pointer;box-shadow:0 4px 12px rgba(0,0,0,.3);z-index:2147483000}',
    '.tltt-bubble:focus-visible,.tltt-panel button:focus-visible,.tltt-panel textarea:focus-visible{outline:3px solid #ffb300;outline-offset:2px}',
    '.tltt-panel{position:fixed;right:20px;bottom:90px;width:370px;max-width:calc(100vw - 24px);height:560px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;z-index:2147483001;overflow:hidden}',
    '.tltt-panel[hidden]{display:none}',
    '.tltt-header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:#b71c1c;color:#fff}',
    '.tltt-header h2{flex:1;margin:0;font-size:16px}',
    '.tltt-status{font-size:12px;opacity:.9}',
    '.tltt-close{background:transparent;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}',
    '.tltt-log{flex:1;overflow-y:auto;padding:12px;background:#f6f6f6}',
    '.tltt-msg{margin:0 0 10px;max-width:88%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}',
    '.tltt-msg.citizen{margin-left:auto;background:#b71c1c;color:#fff;border-bottom-right-radius:3px}',
    '.tltt-msg.bot,.tltt-msg.system{background:#fff;border:1px solid #e0e0e0;border-bottom-left-radius:3px}',
    '.tltt-msg.officer{background:#e3f2fd;border:1px solid #90caf9}',
    '.tltt-author{display:block;font-size:12px;font-weight:600;color:#0d47a1;margin-bottom:2px}',
    '.tltt-quick{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 10px}',
    '.tltt-quick button{border:1px solid #b71c1c;background:#fff;color:#b71c1c;border-radius:16px;padding:6px 12px;font:inherit;font-size:14px;cursor:pointer;min-height:36px}',
    '.tltt-quick button:hover{background:#fdecea}',
    '.tltt-card{background:#fff;border:1px solid #e0e0e0;border-left:4px solid #b71c1c;border-radius:8px;padding:8px 11px;margin:0 0 10px;font-size:14px}',
    '.tltt-card h3{margin:0 0 4px;font-size:15px}',
    '.tltt-card dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:2px 8px}',
    '.tltt-card dt{font-weight:600}.tltt-card dd{margin:0}',
    '.tltt-card a{color:#0d47a1}',
    '.tltt-typing{font-size:13px;color:#666;padding:0 12px 6px;min-height:18px;background:#f6f6f6}',
    '.tltt-form{display:flex;gap:6px;padding:8px;border-top:1px solid #e0e0e0}',
    '.tltt-form textarea{flex:1;resize:none;border:1px solid #bbb;border-radius:8px;padding:8px;font:inherit;min-height:40px;max-height:120px}',
    '.tltt-form button{border:0;border-radius:8px;background:#b71c1c;color:#fff;padding:0 14px;font:inherit;cursor:pointer;min-height:40px}',
    '.tltt-form button:disabled{opacity:.6;cursor:wait}',
    '.tltt-feedback{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:-4px 0 10px;font-size:13px;color:#555}',
    '.tltt-feedback button{border:1px solid #ccc;background:#fff;border-radius:14px;padding:2px 10px;font:inherit;cursor:pointer;min-height:30px}',
    '.tltt-feedback button[aria-pressed=true]{border-color:#b71c1c;background:#fdecea}',
    '.tltt-feedback textarea{flex-basis:100%;resize:vertical;border:1px solid #bbb;border-radius:8px;padding:6px;font:inherit;min-height:36px}',
    '.tltt-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}',
    // Phones: the whole screen (dvh leaves room for the browser's bars); 16px inputs so the page does not zoom on focus.
    '@media (max-width:480px){.tltt-panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100vh;height:100dvh;max-height:100vh;max-height:100dvh;border-radius:0}.tltt-form textarea{font-size:16px}}',
  ].join('\n');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  var style = el('style', { text: css });
  document.head.appendChild(style);

  var bubble = el('button', { class: 'tltt-bubble', type: 'button', 'aria-label': 'Mở trợ lý thủ tục hành chính', 'aria-expanded': 'false', 'aria-controls': 'tltt-panel', text: '💬' });
  var status = el('span', { class: 'tltt-status', role: 'status', text: 'Đang kết nối…' });
  var closeButton = el('button', { class: 'tltt-close', type: 'button', 'aria-label': 'Đóng cửa sổ trò chuyện', text: '×' });
  var heading = el('h2', { id: 'tltt-title', text: title });
  var log = el('div', { class: 'tltt-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Nội dung trò chuyện', tabindex: '0' });
  var typing = el('div', { class: 'tltt-typing', 'aria-live': 'polite' });
  var input = el('textarea', { id: 'tltt-input', rows: '1', maxlength: '2000', placeholder: 'Nhập câu hỏi, ví dụ: làm hộ chiếu cần giấy tờ gì?', 'aria-label': 'Câu hỏi của bạn' });
  var send = el('button', { type: 'submit', text: 'Gửi' });
  var form = el('form', { class: 'tltt-form' }, [input, send]);
  var panel = el('section', { class: 'tltt-panel', id: 'tltt-panel', role: 'dialog', 'aria-labelledby': 'tltt-title', hidden: '' }, [
    el('div', { class: 'tltt-header' }, [heading, status, closeButton]),
    log,
    typing,
    form,
  ]);
  document.body.appendChild(bubble);
  document.body.appendChild(panel);

  var conversationId = null;
  try { conversationId = localStorage.getItem(STORAGE_KEY); } catch { /* private mode */ }
  var source = null;
  /** Ids of the stored messages on screen, whichever way they came (answer or event stream). */
  var seen = {};
  var skipping = null;
  var busy = false;

  function setStatus(text) { status.textContent = text; }
  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function addMessage(author, text) {
    var item = el('p', { class: 'tltt-msg ' + author });
    if (author === 'officer') item.appendChild(el('span', { class: 'tltt-author', text: 'Cán bộ' }));
    if (author === 'citizen') item.appendChild(el('span', { class: 'tltt-sr', text: 'Bạn: ' }));
    item.appendChild(document.createTextNode(text));
    log.appendChild(item);
    scrollDown();
  }

  function addCard(card) {
    var rows = [];
    (card.facts || []).forEach(function (fact) {
      rows.push(el('dt', { text: fact.label }));
      rows.push(el('dd', { text: fact.value }));
    });
    var children = [el('h3', { text: card.name }), el('dl', {}, rows)];
    if (card.code) children.splice(1, 0, el('div', { text: 'Mã thủ tục: ' + card.code }));
    // Only http(s) links: a record's javascript: or data: URL never becomes a link.
    if (card.url && /^https?:\/\//i.test(card.url)) children.push(el('a', { href: card.url, target: '_blank', rel: 'noopener', text: 'Xem trên Cổng dịch vụ công' }));
    log.appendChild(el('div', { class: 'tltt-card', role: 'group', 'aria-label': 'Thông tin thủ tục ' + card.name }, children));
    scrollDown();
  }

  function addQuickReplies(options) {
    var group = el('div', { class: 'tltt-quick', role: 'group', 'aria-label': 'Gợi ý trả lời' });
    options.forEach(function (option) {
      var label = typeof option === 'string' ? option : option.label;
      var payload = typeof option === 'string' ? undefined : option.payload;
      var button = el('button', { type: 'button', text: label });
      button.addEventListener('click', function () {
        if (ask(label, payload)) group.remove();
      });
      group.appendChild(button);
    });
    log.appendChild(group);
    scrollDown();
  }

  function render(reply, index, replies) {
    // A stored message already shown (it came on the event stream first) is not shown again;
    // a long one split in parts shares one id, so only its first part is checked.
    var first = index === 0 || !replies || replies[index - 1].messageId !== reply.messageId;
    if (reply.messageId && first && seen[reply.messageId]) { skipping = reply.messageId; return; }
    if (reply.messageId && reply.messageId === skipping) return;
    skipping = null;
    if (reply.messageId) seen[reply.messageId] = true;
    if (reply.text) addMessage('bot', reply.text);
    if (reply.card) addCard(reply.card);
    if (reply.quickReplies && reply.quickReplies.length) addQuickReplies(reply.quickReplies);
  }

  /** 👍/👎 under one answer (the turn's first bot message), then an optional comment. */
  function addFeedback(messageId) {
    var box = el('div', { class: 'tltt-feedback', role: 'group', 'aria-label': 'Đánh giá câu trả lời', 'data-message-id': String(messageId) });
    var label = el('span', { text: 'Câu trả lời có hữu ích không?' });
    var up = el('button', { type: 'button', 'aria-pressed': 'false', 'aria-label': 'Hữu ích', 'data-rating': 'up', text: '👍' });
    var down = el('button', { type: 'button', 'aria-pressed': 'false', 'aria-label': 'Chưa hữu ích', 'data-rating': 'down', text: '👎' });
    var comment = null;
    var rating = null;
    function post(body, done) {
      body.messageId = messageId;
      fetch(server + '/api/chat/' + encodeURIComponent(conversationId) + '/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
        .then(function (response) { return response.json().then(function (data) { return { ok: response.ok, data: data }; }); })
        .then(function (result) {
          if (result.ok) done();
          else label.textContent = (result.data && result.data.error && result.data.error.message) || 'Chưa gửi được đánh giá.';
        })
        .catch(function () { label.textContent = 'Chưa gửi được đánh giá, vui lòng thử lại.'; });
    }
    function choose(value) {
      post({ rating: value }, function () {
        rating = value;
        up.setAttribute('aria-pressed', String(value === 'up'));
        down.setAttribute('aria-pressed', String(value === 'down'));
        label.textContent = 'Cảm ơn bạn đã đánh giá!';
        if (comment) return;
        comment = el('textarea', { rows: '1', maxlength: '1000', placeholder: 'Góp ý thêm (không bắt buộc), nhấn Enter để gửi', 'aria-label': 'Góp ý thêm về câu trả lời' });
        comment.addEventListener('keydown', function (event) {
          if (event.key !== 'Enter' || event.shiftKey) return;
          event.preventDefault();
          var text = comment.value.trim();
          if (!text) return;
          post({ rating: rating, comment: text }, function () {
            comment.remove();
            label.textContent = 'Cảm ơn góp ý của bạn!';
          });
        });
        box.appendChild(comment);
      });
    }
    up.addEventListener('click', function () { choose('up'); });
    down.addEventListener('click', function () { choose('down'); });
    box.appendChild(label);
    box.appendChild(up);
    box.appendChild(down);
    log.appendChild(box);
    scrollDown();
  }

  function connectEvents() {
    if (!conversationId || !window.EventSource) return;
    if (source) source.close();
    source = new EventSource(server + '/api/chat/' + encodeURIComponent(conversationId) + '/events');
    source.onopen = function () { setStatus('Trực tuyến'); };
    source.onerror = function () { setStatus('Đang kết nối lại…'); };
    source.addEventListener('message', function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch { return; }
      if (data.messageId && seen[data.messageId]) return;
      if (data.messageId) seen[data.messageId] = true;
      if (data.from === 'officer' || data.from === 'system' || data.from === 'bot') {
        addMessage(data.from, data.text);
        if (data.quickReplies && data.quickReplies.length) addQuickReplies(data.quickReplies);
      }
    });
  }

  /** Sends one question; false (nothing sent) while the previous answer is still coming. */
  function ask(text, payload) {
    if (busy) return false;
    text = (text || '').trim();
    if (!text) return false;
    busy = true;
    send.disabled = true;
    // Earlier suggestions are stale once the citizen says something new.
    Array.prototype.forEach.call(log.querySelectorAll('.tltt-quick'), function (group) { group.remove(); });
    addMessage('citizen', text);
    typing.textContent = 'Trợ lý đang trả lời…';
    var body = { text: text };
    if (conversationId) body.conversationId = conversationId;
    if (payload) body.payload = payload;
    fetch(server + '/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) {
          addMessage('system', (result.data && result.data.error && result.data.error.message) || 'Không gửi được tin nhắn, vui lòng thử lại.');
          return;
        }
        var data = result.data;
        data.replies.forEach(render);
        (data.messageIds || []).forEach(function (id) { seen[id] = true; });
        if (data.conversationId !== conversationId) {
          conversationId = data.conversationId;
          try { localStorage.setItem(STORAGE_KEY, conversationId); } catch { /* ignore */ }
          connectEvents();
        }
        // Every bot answer can be rated; relays to an officer and desk notices are not the bot's.
        if (data.answerId) addFeedback(data.answerId);
        setStatus('Trực tuyến');
      })
      .catch(function () {
        setStatus('Mất kết nối');
        addMessage('system', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
        // Give the question back so it can be sent again.
        if (!input.value && !payload) input.value = text;
      })
      .then(function () {
        busy = false;
        send.disabled = false;
        typing.textContent = '';
        input.focus();
      });
    return true;
  }

  function open() {
    panel.hidden = false;
    bubble.setAttribute('aria-expanded', 'true');
    if (!log.childNodes.length) {
      addMessage('bot', 'Dạ, xin chào! Tôi là trợ lý thủ tục hành chính. Bạn cần hỏi về giấy tờ, lệ phí, thời gian hay nơi nộp hồ sơ của thủ tục nào ạ?');
    }
    connectEvents();
    setStatus(conversationId ? 'Đang kết nối…' : 'Trực tuyến');
    input.focus();
  }
  function close() {
    panel.hidden = true;
    bubble.setAttribute('aria-expanded', 'false');
    bubble.focus();
  }

  bubble.addEventListener('click', function () { panel.hidden ? open() : close(); });
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') close(); });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); if (ask(input.value)) input.value = ''; }
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); if (ask(input.value)) input.value = ''; });
  window.addEventListener('online', function () { setStatus('Trực tuyến'); connectEvents(); });
  window.addEventListener('offline', function () { setStatus('Mất kết nối'); });
})();
