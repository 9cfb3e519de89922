// The report charts (dashboard, quarterly analysis), drawn with ECharts from the figures in #chart-data; a click on a
// bar or slice opens the requests behind it.
document.addEventListener('DOMContentLoaded', function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  function bars(series, horizontal) {
    var categoryAxis = { type: 'category', data: series.labels, axisLabel: { interval: 0, overflow: 'truncate', width: 90 } };
    return {
      tooltip: { trigger: 'axis' }, grid: { containLabel: true, left: 8, right: 16, top: 16, bottom: 8 },
      xAxis: horizontal ? { type: 'value' } : categoryAxis,
      yAxis: horizontal ? Object.assign(categoryAxis, { inverse: true }) : { type: 'value' },
      series: [{ type: 'bar', data: series.values, label: { show: true, position: horizontal ? 'right' : 'top' } }]
    };
  }
  var options = {
    types: function (s) {
      return {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '70%'], label: { formatter: '{b} {c}' },
          data: s.labels.map(function (name, i) { return { name: name, value: s.values[i] }; }) }]
      };
    },
    channels: function (s) { return bars(s, false); },
    buildings: function (s) { return bars(s, false); },
    backlog: function (s) { return bars(s, false); },
    categories: function (s) { return bars(s, true); },
    pareto: function (s) {
      return {
        tooltip: { trigger: 'axis' }, grid: { containLabel: true, left: 8, right: 8, top: 24, bottom: 8 },
        xAxis: { type: 'category', data: s.labels, axisLabel: { interval: 0, overflow: 'truncate', width: 70 } },
        yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
        series: [{ type: 'bar', data: s.values, label: { show: true, position: 'top' } },
          { type: 'line', yAxisIndex: 1, data: s.cumulative, symbolSize: 6 }]
      };
    },
    trend: function (s) { return bars(s, false); },
    quarterCategories: function (s, element) {
      var names = element.dataset.names.split(',');
      return {
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { containLabel: true, left: 8, right: 16, top: 32, bottom: 8 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: s.labels, inverse: true, axisLabel: { interval: 0, overflow: 'truncate', width: 90 } },
        series: [{ name: names[0], type: 'bar', data: s.values }, { name: names[1], type: 'bar', data: s.previous }]
      };
    },
    departments: function (s, element) {
      var names = element.dataset.names.split(',');
      return {
        tooltip: { trigger: 'axis' }, legend: {}, grid: { containLabel: true, left: 8, right: 8, top: 32, bottom: 8 },
        color: ['#dc3545', '#6c757d', '#ffc107'],
        xAxis: { type: 'category', data: s.labels },
        yAxis: { type: 'value' },
        series: ['valid', 'invalid', 'undecided'].map(function (key, i) {
          return { name: names[i], type: 'bar', stack: 'validity', data: s[key] };
        })
      };
    }
  };
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var series = data[element.dataset.chart];
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(options[element.dataset.chart](series, element));
    chart.on('click', function (event) {
      var link = series.links && series.links[event.dataIndex];
      if (link) { window.location.href = link; }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
