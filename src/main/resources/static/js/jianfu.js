/*
 * Jianfu's only script, loaded with defer under a CSP of script-src 'self': everything here
 * enhances pages that already work without it.
 * - htmx sends the CSRF token (from the _csrf meta tags) on every non-GET request;
 * - elements marked .js-only (such as "expand" buttons) are shown, and toggle what they loaded;
 * - a [data-chart-table] element becomes an ECharts bar chart of the numbers in that table
 *   (or a heat map of its [data-heat] cells when data-chart-type is heatmap);
 * - an error summary takes the focus, so that screen readers announce it first.
 */
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header && event.detail.verb !== 'get') {
      event.detail.headers[header] = token;
    }
  });

  function showEnhancements(root) {
    if (!window.htmx) {
      return;
    }
    root.querySelectorAll('.js-only[hidden]').forEach(function (element) {
      element.hidden = false;
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.expand');
    if (!button || !button.dataset.loaded) {
      return;
    }
    var target = document.getElementById(button.getAttribute('aria-controls'));
    var open = button.getAttribute('aria-expanded') === 'true';
    target.hidden = open;
    setExpanded(button, !open);
  });

  function setExpanded(button, open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    button.textContent = open ? button.dataset.labelClose : button.dataset.labelOpen;
  }

  document.addEventListener('htmx:afterSwap', function (event) {
    var target = event.detail.target;
    var button = document.querySelector('button.expand[aria-controls="' + target.id + '"]');
    if (button) {
      button.dataset.loaded = 'true';
      setExpanded(button, true);
    }
    showEnhancements(target);
  });

  function drawCharts() {
    if (!window.echarts) {
      return;
    }
    var font = getComputedStyle(document.documentElement).fontFamily;
    document.querySelectorAll('[data-chart-table]').forEach(function (element) {
      var table = document.getElementById(element.dataset.chartTable);
      if (!table) {
        return;
      }
      if (element.dataset.chartType === 'heatmap') {
        drawHeatmap(element, table, font);
        return;
      }
      var labels = [];
      var values = [];
      table.querySelectorAll('tbody tr').forEach(function (row) {
        var cell = row.querySelector('[data-value]');
        labels.push(row.querySelector('th').textContent.trim());
        values.push(Number(cell.dataset.value));
      });
      var chart = window.echarts.init(element, null, { renderer: 'svg' });
      chart.setOption({
        textStyle: { fontFamily: font, fontSize: 14 },
        grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{
          name: element.dataset.chartLabel || '',
          type: 'bar',
          data: values,
          barMaxWidth: 48,
          itemStyle: { color: '#0b4a7d' },
          label: { show: true, position: 'top' }
        }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  // A heat map of the [data-heat] cells: rows are the table's row headers, columns its column headers.
  function drawHeatmap(element, table, font) {
    var columns = [];
    table.querySelectorAll('thead th').forEach(function (th, i) {
      if (i > 0) {
        columns.push(th.textContent.trim());
      }
    });
    var rows = [];
    var data = [];
    var max = 0;
    table.querySelectorAll('tbody tr').forEach(function (row, y) {
      rows.push(row.querySelector('th').textContent.trim());
      row.querySelectorAll('[data-heat]').forEach(function (cell, x) {
        var value = Number(cell.dataset.heat);
        max = Math.max(max, value);
        data.push([x, y, value]);
      });
    });
    element.style.height = Math.max(240, rows.length * 28 + 80) + 'px';
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      textStyle: { fontFamily: font, fontSize: 13 },
      grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
      tooltip: { position: 'top' },
      xAxis: { type: 'category', data: columns.slice(0, 12), splitArea: { show: true } },
      yAxis: { type: 'category', data: rows, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#f4f7fa', '#0b4a7d'] } },
      series: [{ name: element.dataset.chartLabel || '', type: 'heatmap', data: data, label: { show: rows.length <= 12 } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    showEnhancements(document);
    drawCharts();
    var summary = document.querySelector('[data-autofocus]');
    if (summary) {
      summary.focus();
    }
  });
}());
