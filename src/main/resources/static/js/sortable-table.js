// Sorts a table's rows by the column whose header (th[data-sort]) is clicked: the highest
// first, then the other way. A cell sorts by its data-value if it has one, else by its text;
// an empty rate sorts below every number.
document.addEventListener('click', event => {
  const header = event.target.closest('th[data-sort]');
  if (!header) {
    return;
  }
  const table = header.closest('table');
  const column = [...header.parentElement.children].indexOf(header);
  const descending = header.getAttribute('aria-sort') !== 'descending';
  table.querySelectorAll('th[aria-sort]').forEach(th => th.removeAttribute('aria-sort'));
  header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  const key = row => {
    const cell = row.children[column];
    const text = cell.dataset.value ?? cell.textContent.trim();
    const number = parseFloat(text);
    return Number.isNaN(number) ? text : number;
  };
  const body = table.tBodies[0];
  const rows = [...body.rows].filter(row => row.children.length > column);
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
    return descending ? -order : order;
  });
  rows.forEach(row => body.appendChild(row));
});
