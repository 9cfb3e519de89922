// The charts of a survey's results page, drawn with ECharts from the figures in #chart-data.
document.addEventListener('DOMContentLoaded', function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var colours = ['#198754', '#75b798', '#ffc107', '#fd7e14', '#dc3545'];
  var options = {
    sections: function () {
      var series = [{ name: data.current, type: 'bar', data: data.sections.rates, label: { show: true, position: 'top' } }];
      if (data.previous) {
        series.push({ name: data.previous, type: 'bar', data: data.sections.previousRates });
      }
      return {
        tooltip: {}, legend: {},
        xAxis: { type: 'category', data: data.sections.names },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: series
      };
    },
    site: function () {
      return {
        tooltip: { trigger: 'item' }, color: colours,
        series: [{ type: 'pie', radius: ['35%', '70%'],
          data: data.levels.map(function (name, i) { return { name: name, value: data.site[i] }; })
            .filter(function (slice) { return slice.value > 0; }) }]
      };
    },
    buildings: function () {
      return {
        tooltip: { trigger: 'axis' }, legend: {}, color: colours,
        xAxis: { type: 'category', data: data.buildings.names },
        yAxis: { type: 'value' },
        series: data.levels.map(function (name, i) {
          return { name: name, type: 'bar', stack: 'levels', data: data.buildings.series[i] };
        })
      };
    }
  };
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(options[element.dataset.chart]());
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
