// The operator's page: one poll of /admin/api/overview every few seconds refreshes everything; the charts show the
// server's samples of the last hour. Actions are POSTs with application/json (what the API requires against CSRF),
// each confirmed first. The browser sends the BASIC credentials it logged in with.
(function () {
  'use strict';
  var POLL_MILLIS = 3000;
  var previous = null;
  var charts = {};
  var shownProperty = null;

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value; }
  function number(n) { return Math.round(n).toLocaleString('en-US'); }
  function duration(seconds) {
    if (seconds < 120) { return seconds + ' s'; }
    if (seconds < 7200) { return Math.round(seconds / 60) + ' min'; }
    return (seconds / 3600).toFixed(1) + ' h';
  }
  function time(millis) { return millis ? new Date(millis).toLocaleTimeString('en-GB') : ''; }

  function getJson(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
        return response.json();
      });
  }

  function showNow(overview) {
    var now = overview.now;
    text('who', overview.user + (overview.admin ? ' (admin)' : ' (viewer)'));
    text('updated', 'updated ' + time(now.takenAtMillis));
    if (previous && now.takenAtMillis > previous.takenAtMillis) {
      var rate = (now.hitsReceivedTotal - previous.hitsReceivedTotal) * 1000
        / (now.takenAtMillis - previous.takenAtMillis);
      text('throughput', rate.toFixed(rate < 10 ? 1 : 0));
    }
    previous = now;
    text('hits-total', number(now.hitsReceivedTotal));
    text('rejected-total', number(now.requestsRejectedTotal));
    text('queue-depth', number(now.queueDepth));
    text('queue-state', now.queuePaused ? 'paused' : 'consuming');
    text('open-sessions', number(now.openProtoSessions));
    text('watermark-lag', duration(now.watermarkLagSeconds));
    text('spool-depth', number(now.spoolDepth));
    text('spool-age', now.spoolDepth > 0 ? 'oldest ' + duration(now.spoolOldestAgeSeconds) : '');
    text('spool-failing', number(now.failing));
    text('spool-quarantined', number(now.quarantined));
    text('rows-total', number(now.rowsDeliveredTotal));
    var error = overview.spool.last_error;
    $('last-error-box').hidden = !error;
    text('last-error', error || '');
    document.querySelectorAll('.actions button').forEach(function (button) { button.disabled = !overview.admin; });
  }

  function showJobs(jobs) {
    var body = $('jobs').querySelector('tbody');
    body.replaceChildren();
    jobs.forEach(function (job) {
      var row = body.insertRow();
      [job.executionId, job.job, job.status, time(job.startedAtMillis), time(job.endedAtMillis)]
        .forEach(function (value, i) {
          var cell = row.insertCell();
          cell.textContent = value;
          if (i === 2) { cell.className = job.status; }
        });
    });
  }

  function showProperties(ids) {
    var select = $('property');
    if (select.options.length === ids.length) { return; }
    select.replaceChildren();
    ids.forEach(function (id) { select.add(new Option(id, id)); });
    showColumns(ids[0]);
  }

  function showColumns(propertyId) {
    if (!propertyId || propertyId === shownProperty) { return; }
    shownProperty = propertyId;
    getJson('/properties/' + encodeURIComponent(propertyId) + '/columns').then(function (columns) {
      var body = $('columns').querySelector('tbody');
      body.replaceChildren();
      columns.forEach(function (column, i) {
        var row = body.insertRow();
        [i + 1, column.name, column.type, column.scope].forEach(function (value) {
          row.insertCell().textContent = value;
        });
      });
    }).catch(report);
  }

  // rates between consecutive samples of the server's hour
  function rateSeries(history, field) {
    var rates = [null];
    for (var i = 1; i < history.length; i++) {
      var seconds = (history[i].takenAtMillis - history[i - 1].takenAtMillis) / 1000;
      rates.push(seconds > 0 ? Math.max(0, (history[i][field] - history[i - 1][field]) / seconds) : null);
    }
    return rates;
  }

  function chart(id, series, data) {
    var element = $(id);
    var width = Math.max(300, element.clientWidth);
    if (!charts[id]) {
      charts[id] = new uPlot({ width: width, height: 200, series: series, axes: [{}, { size: 60 }] }, data,
        element);
    } else {
      charts[id].setData(data);
    }
  }

  function showHistory(history) {
    if (history.length === 0) { return; }
    var times = history.map(function (s) { return s.takenAtMillis / 1000; });
    chart('chart-rates', [{}, { label: 'hits/s', stroke: '#1565c0' }, { label: 'rows/s', stroke: '#2e7d32' }],
      [times, rateSeries(history, 'hitsReceivedTotal'), rateSeries(history, 'rowsDeliveredTotal')]);
    chart('chart-levels', [{}, { label: 'queue', stroke: '#6a1b9a' }, { label: 'spool', stroke: '#ef6c00' },
      { label: 'open sessions', stroke: '#00838f' }],
      [times, history.map(function (s) { return s.queueDepth; }), history.map(function (s) { return s.spoolDepth; }),
        history.map(function (s) { return s.openProtoSessions; })]);
  }

  function refresh() {
    return getJson('/admin/api/overview').then(function (overview) {
      showNow(overview);
      showJobs(overview.jobs);
      showProperties(overview.properties);
      showHistory(overview.history);
    }).catch(function (error) { text('updated', 'not updated: ' + error.message); });
  }

  function report(message) { text('action-result', String(message)); }

  function call(path) {
    return fetch(path, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: '{}' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (response.ok) {
            report(path + ': ' + (body.execution_id ? body.job + ' execution ' + body.execution_id + ' started'
              : JSON.stringify(body)));
          } else {
            report(path + ' refused (' + response.status + '): ' + (body.error || response.statusText));
          }
        });
      }).catch(report).then(refresh);
  }

  document.querySelectorAll('.actions button[data-call]').forEach(function (button) {
    button.addEventListener('click', function () {
      if (window.confirm(button.dataset.confirm)) { call(button.dataset.call); }
    });
  });
  $('replay-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var path = $('replay-path').value;
    var recover = $('replay-recover').checked;
    if (window.confirm('Replay ' + path + (recover ? ' (recovery)' : '') + '?')) {
      call('/replay?path=' + encodeURIComponent(path) + '&recover=' + recover);
    }
  });
  $('property').addEventListener('change', function (event) { showColumns(event.target.value); });

  refresh();
  window.setInterval(refresh, POLL_MILLIS);
}());
