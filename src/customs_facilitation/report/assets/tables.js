// Every table marked cf-interactive becomes sortable, searchable and filterable: DataTables, as
// itables bundles it, read from this page (base64 in #cf-datatables-bundle), never the network.
// A heading sorts the table when clicked; its menu sorts, and searches the column or, for the
// columns listed in the table box's data-filters, offers the list of their values to pick from.
const encoded = document.getElementById("cf-datatables-bundle").textContent.trim();
const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
const url = URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));
const { default: DataTable } = await import(url);
URL.revokeObjectURL(url);
window.DataTable = DataTable;
for (const box of document.querySelectorAll("div.cf-interactive")) {
  const filters = (box.dataset.filters || "").split(" ").filter(Boolean).map(Number);
  // A cell whose words are not its order (a level: "1.08 trillion US dollars") sorts by the value
  // its span carries (the level in its base unit): DataTables reads data-order from the cell.
  for (const keyed of box.querySelectorAll("td > span[data-order]")) {
    keyed.parentElement.dataset.order = keyed.dataset.order;
  }
  // A page in another language than English gives the table's words (data-language, from the catalogs).
  const words = box.dataset.language ? JSON.parse(box.dataset.language) : null;
  new DataTable(box.querySelector("table"), {
    autoWidth: false,
    pageLength: 25,
    lengthMenu: [10, 25, 50, 100, { label: words ? words.lengthLabels["-1"] : "all", value: -1 }],
    order: [],
    columnControl: [["orderAsc", "orderDesc", "search"]],
    columnDefs: [{ targets: filters, columnControl: [["orderAsc", "orderDesc", "searchList"]] }],
    language: words || { search: "Search every column:", lengthMenu: "_MENU_ rows a page" },
  });
  box.dataset.interactive = "ready";
}
