/*
 * The supervisors' local data page: find a procedure, compare the national answers with what
 * citizens get now, edit the local values of one channel, preview the answers (the server's own
 * composers), publish, revert from the history, import a template file. Vietnamese labels.
 */
(function () {
  'use strict';
  var FIELDS = { fee_vnd: 'feeVnd', fee_label: 'feeLabel', fee_basis: 'feeBasis', processing_days: 'processingDays', address: 'address', hours: 'hours', phone: 'phone', online_url: 'onlineUrl', note: 'note' };
  var CHANNELS = { '*': 'Mọi kênh', truc_tiep: 'Trực tiếp', truc_tuyen: 'Trực tuyến', buu_chinh: 'Bưu chính' };
  var csrf = null;
  var current = null; // the open procedure: { code, entries }
  var COMMUNE_FIELDS = { address: 'c-address', hours: 'c-hours', phone: 'c-phone' };
  /** The procedure's own row for a channel (not a commune's). */
  function ownEntry(channel) {
    return current && current.entries.filter(function (e) { return e.code === current.code && e.channel === channel && !e.commune; })[0];
  }
  /** A commune's row: for this procedure, or ('*') for every commune-level procedure. */
  function communeEntry(code, commune) {
    var key = fold(commune);
    return current && current.entries.filter(function (e) { return e.code === code && e.commune && fold(e.commune) === key; })[0];
  }
  function fold(text) { return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/\s+/g, ' ').trim().toLowerCase(); }

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
  function showError(message) { $('error').textContent = message || ''; }

  function api(method, url, body, type) {
    var headers = {};
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = type || 'application/json';
      init.body = type ? body : JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      if (response.status === 401) { window.location.href = '/officer'; throw new Error('Phiên làm việc đã hết hạn.'); }
      return response.json().then(function (data) {
        if (!response.ok) { var error = new Error((data.error && data.error.message) || 'Lỗi ' + response.status); error.issues = data.error && data.error.issues; error.status = response.status; throw error; }
        return data;
      });
    });
  }

  function clearFieldErrors() { Object.keys(FIELDS).concat(['reason']).forEach(function (c) { var n = $('err-' + c); if (n) n.textContent = ''; }); }
  function showIssues(error) {
    clearFieldErrors();
    var rest = [];
    (error.issues || []).forEach(function (issue) {
      var node = $('err-' + issue.column);
      if (node) node.textContent = issue.message; else rest.push(issue.column + ': ' + issue.message);
    });
    showError(rest.length ? rest.join('; ') : (error.issues ? '' : error.message));
    if (error.issues) $('edit-status').textContent = '';
    if (error.issues && !rest.length) showError('Dữ liệu chưa hợp lệ: xem lỗi dưới từng ô.');
  }

  /** The form's values: a filled cell sets the local value, an empty one keeps the national value. */
  function formFields() {
    var fields = {};
    Object.keys(FIELDS).forEach(function (column) {
      var text = $(column).value.trim();
      if (!text) return;
      if (column === 'fee_vnd' || column === 'processing_days') {
        var digits = text.replace(/[.,\s]/g, '');
        fields[FIELDS[column]] = /^\d+$/.test(digits) ? Number(digits) : text;
      } else fields[FIELDS[column]] = text;
    });
    return fields;
  }

  function fillForm() {
    var entry = ownEntry($('channel').value);
    Object.keys(FIELDS).forEach(function (column) {
      var value = entry ? entry.fields[FIELDS[column]] : undefined;
      $(column).value = value === undefined ? '' : String(value);
    });
    clearFieldErrors();
  }

  function describe(fields) {
    if (!fields) return 'Bỏ dữ liệu địa phương (dùng dữ liệu quốc gia)';
    return Object.keys(FIELDS).filter(function (c) { return fields[FIELDS[c]] !== undefined; }).map(function (c) { return c + ': ' + fields[FIELDS[c]]; }).join('; ');
  }

  function renderHistory(history) {
    var body = $('history');
    body.textContent = '';
    if (!history.length) { body.appendChild(el('tr', {}, [el('td', { colspan: '7', text: 'Chưa có thay đổi nào.' })])); return; }
    history.forEach(function (v) {
      var revert = el('button', { type: 'button', class: 'secondary', text: 'Hoàn tác' });
      revert.setAttribute('aria-label', 'Hoàn tác phiên bản ' + v.version + ' (' + CHANNELS[v.channel] + (v.commune ? ' · ' + v.commune + (v.code === '*' ? ', mọi thủ tục cấp xã' : '') : '') + ')');
      revert.addEventListener('click', function () {
        var reason = $('reason').value.trim() || 'Hoàn tác phiên bản ' + v.version;
        api('POST', '/api/officer/local/versions/' + v.id + '/revert', { reason: reason }).then(function (data) {
          $('edit-status').textContent = 'Đã hoàn tác: phiên bản ' + data.version.version + ' được xuất bản.';
          return open(current.code);
        }).catch(showIssues);
      });
      body.appendChild(el('tr', {}, [
        el('td', { text: new Date(v.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) }),
        el('td', { text: (CHANNELS[v.channel] || v.channel) + (v.commune ? ' · ' + v.commune + (v.code === '*' ? ' (mọi thủ tục cấp xã)' : '') : '') }),
        el('td', { text: String(v.version) + (v.revertOf ? ' (hoàn tác)' : '') }),
        el('td', { text: v.author }),
        el('td', { text: v.reason }),
        el('td', { text: describe(v.fields) }),
        el('td', {}, [revert]),
      ]));
    });
  }

  function open(code) {
    showError('');
    return api('GET', '/api/officer/local/procedures/' + encodeURIComponent(code)).then(function (data) {
      current = { code: code, entries: data.entries };
      $('procedure').hidden = false;
      $('procedure-name').textContent = data.localized.name + ' — mã ' + code;
      $('national-fee').textContent = data.nationalAnswers.fee;
      $('national-time').textContent = data.nationalAnswers.time;
      $('national-where').textContent = data.nationalAnswers.howTo;
      $('local-fee').textContent = data.answers.fee;
      $('local-time').textContent = data.answers.time;
      $('local-where').textContent = data.answers.howTo;
      $('preview').hidden = true;
      fillForm();
      renderCommunes(data.localized.levels.indexOf('xa') >= 0);
      renderHistory(data.history);
    }).catch(function (error) { showError(error.message); });
  }

  function renderCommunes(communeLevel) {
    $('communes').hidden = !communeLevel;
    $('c-errors').textContent = '';
    var body = $('commune-rows');
    body.textContent = '';
    var rows = current.entries.filter(function (e) { return e.commune; });
    if (!rows.length) body.appendChild(el('tr', {}, [el('td', { colspan: '6', text: 'Chưa có xã/phường nào.' })]));
    rows.forEach(function (e) {
      var edit = el('button', { type: 'button', class: 'secondary', text: 'Sửa' });
      edit.setAttribute('aria-label', 'Sửa dòng ' + e.commune + (e.code === '*' ? ' (mọi thủ tục cấp xã)' : ''));
      edit.addEventListener('click', function () {
        $('c-commune').value = e.commune;
        $('c-scope').value = e.code === '*' ? '*' : 'own';
        Object.keys(COMMUNE_FIELDS).forEach(function (f) { $(COMMUNE_FIELDS[f]).value = e.fields[f] || ''; });
        $('c-commune').focus();
      });
      body.appendChild(el('tr', {}, [
        el('td', { text: e.commune }),
        el('td', { text: e.code === '*' ? 'Mọi thủ tục cấp xã' : 'Riêng thủ tục này' }),
        el('td', { text: e.fields.address || '' }),
        el('td', { text: e.fields.hours || '' }),
        el('td', { text: e.fields.phone || '' }),
        el('td', {}, [edit]),
      ]));
    });
  }

  function saveCommune(remove) {
    if (!current) return;
    showError('');
    $('c-status').textContent = '';
    var errors = $('c-errors');
    errors.textContent = '';
    var code = $('c-scope').value === '*' ? '*' : current.code;
    var commune = $('c-commune').value.trim();
    var fields = null;
    if (!remove) {
      fields = {};
      Object.keys(COMMUNE_FIELDS).forEach(function (f) { var v = $(COMMUNE_FIELDS[f]).value.trim(); if (v) fields[f] = v; });
    }
    var entry = commune ? communeEntry(code, commune) : undefined;
    api('PUT', '/api/officer/local/entries', { code: code, channel: '*', commune: commune, fields: fields, reason: $('c-reason').value, expectedVersion: entry ? entry.version : 0 }).then(function (data) {
      $('c-status').textContent = (remove ? 'Đã bỏ dòng ' : 'Đã xuất bản dòng ') + data.version.commune + ' (phiên bản ' + data.version.version + ').';
      $('c-reason').value = '';
      return open(current.code);
    }).catch(function (error) {
      (error.issues || [{ column: '', message: error.message }]).forEach(function (issue) {
        errors.appendChild(el('li', { text: (issue.column ? issue.column + ': ' : '') + issue.message }));
      });
    });
  }
  $('commune-edit').addEventListener('submit', function (event) { event.preventDefault(); saveCommune(false); });
  $('c-remove').addEventListener('click', function () { saveCommune(true); });

  $('search').addEventListener('submit', function (event) {
    event.preventDefault();
    showError('');
    api('GET', '/api/officer/local/procedures?q=' + encodeURIComponent($('q').value.trim())).then(function (data) {
      var list = $('results');
      list.textContent = '';
      if (!data.results.length) list.appendChild(el('li', { text: 'Không tìm thấy thủ tục nào.' }));
      data.results.forEach(function (p) {
        var button = el('button', { type: 'button' }, [p.code + ' — ' + p.name]);
        if (p.local) button.appendChild(el('span', { class: 'badge', text: 'có dữ liệu địa phương' }));
        button.addEventListener('click', function () { open(p.code); });
        list.appendChild(el('li', {}, [button]));
      });
    }).catch(function (error) { showError(error.message); });
  });

  $('channel').addEventListener('change', fillForm);

  $('preview-button').addEventListener('click', function () {
    if (!current) return;
    showError('');
    clearFieldErrors();
    api('POST', '/api/officer/local/preview', { code: current.code, channel: $('channel').value, fields: formFields() }).then(function (data) {
      $('preview').hidden = false;
      $('preview-fee').textContent = data.answers.fee;
      $('preview-time').textContent = data.answers.time;
      $('preview-where').textContent = data.answers.howTo;
    }).catch(showIssues);
  });

  $('edit').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!current) return;
    showError('');
    clearFieldErrors();
    var channel = $('channel').value;
    var entry = ownEntry(channel);
    api('PUT', '/api/officer/local/entries', { code: current.code, channel: channel, fields: formFields(), reason: $('reason').value, expectedVersion: entry ? entry.version : 0 }).then(function (data) {
      $('edit-status').textContent = 'Đã xuất bản phiên bản ' + data.version.version + ' (' + CHANNELS[channel] + '). Người dân nhận được ngay từ câu hỏi tiếp theo.';
      $('reason').value = '';
      return open(current.code);
    }).catch(showIssues);
  });

  $('import').addEventListener('submit', function (event) {
    event.preventDefault();
    var file = $('file').files[0];
    if (!file) return;
    showError('');
    var type = /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    file.arrayBuffer().then(function (bytes) {
      return api('POST', '/api/officer/local/import?name=' + encodeURIComponent(file.name), bytes, type);
    }).then(function (report) {
      $('import-status').textContent = 'Đã đọc ' + report.rows + ' dòng: áp dụng ' + report.applied + ', không đổi ' + report.unchanged + ', lỗi ' + report.rejected.length + '.';
      var table = $('import-errors');
      var body = table.querySelector('tbody');
      body.textContent = '';
      report.rejected.forEach(function (issue) { body.appendChild(el('tr', {}, [el('td', { text: String(issue.row) }), el('td', { text: issue.column }), el('td', { text: issue.message })])); });
      table.hidden = report.rejected.length === 0;
      if (current) open(current.code);
    }).catch(function (error) { showError(error.message); });
  });

  function loadOwn() {
    return api('GET', '/api/officer/local/own-procedures').then(function (data) {
      var list = $('own-list');
      list.textContent = '';
      if (!data.procedures.length) list.appendChild(el('li', { text: 'Chưa có thủ tục riêng nào.' }));
      data.procedures.forEach(function (p) {
        var open_ = el('button', { type: 'button' }, [p.code + ' — ' + p.name]);
        open_.addEventListener('click', function () { open(p.code); });
        var withdraw = el('button', { type: 'button', class: 'secondary', text: 'Rút bỏ' });
        withdraw.setAttribute('aria-label', 'Rút bỏ thủ tục ' + p.code);
        withdraw.style.width = 'auto';
        withdraw.addEventListener('click', function () {
          var reason = $('own-reason').value.trim() || 'Rút bỏ thủ tục ' + p.code;
          api('DELETE', '/api/officer/local/own-procedures/' + encodeURIComponent(p.code), { reason: reason }).then(function () {
            $('own-status').textContent = 'Đã rút bỏ thủ tục ' + p.code + '.';
            return loadOwn();
          }).catch(function (error) { showError(error.message); });
        });
        list.appendChild(el('li', { style: 'display:flex;gap:8px' }, [open_, withdraw]));
      });
    }).catch(function (error) { showError(error.message); });
  }

  $('own').addEventListener('submit', function (event) {
    event.preventDefault();
    showError('');
    $('own-status').textContent = '';
    var errors = $('own-errors');
    errors.textContent = '';
    var record;
    try { record = JSON.parse($('own-record').value); } catch (e) { errors.appendChild(el('li', { text: 'Bản ghi không phải JSON hợp lệ.' })); return; }
    api('PUT', '/api/officer/local/own-procedures', { record: record, reason: $('own-reason').value }).then(function (data) {
      $('own-status').textContent = 'Đã lưu thủ tục ' + data.version.code + ' (phiên bản ' + data.version.version + '). Người dân tìm thấy ngay.';
      $('own-reason').value = '';
      return loadOwn();
    }).catch(function (error) {
      (error.issues || [{ column: '', message: error.message }]).forEach(function (issue) {
        errors.appendChild(el('li', { text: (issue.column ? issue.column + ': ' : '') + issue.message }));
      });
    });
  });

  // /officer/local?code=… (the insights page links here) opens that procedure.
  var linked = new URLSearchParams(location.search).get('code');
  api('GET', '/api/officer/me').then(function (data) { csrf = data.csrfToken; return loadOwn(); }).then(function () { if (linked) open(linked); }).catch(function (error) { showError(error.message); });
})();
