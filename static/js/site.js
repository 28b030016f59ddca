// govreport: enhancements only, every page works without this file. It
// remembers the reading settings (text size, high contrast) in localStorage,
// copies a paragraph's or heading's link with its #anchor, and shows the
// print version's 打印 link, which prints. No inline handlers, no other origin.
((d, k) => {
  let s;
  (d.getElementById("pr") || {}).hidden = 0; // the print version's 打印 needs this script
  try {
    s = localStorage;
    for (let i of (s[k] || "").split(" ")) (d.getElementById(i) || {}).checked = 1;
  } catch (e) {}
  d.onchange = () => {
    if (s) s[k] = [...d.querySelectorAll("input:checked")].map((i) => i.id).join(" ");
  };
  d.onclick = (e) => {
    let a = e.target.closest(".a,#pr");
    if (a && a.id == "pr") {
      e.preventDefault();
      print();
    } else if (a) {
      navigator.clipboard?.writeText(location.href.split("#")[0] + a.getAttribute("href")).then(() => {
        a.classList.add("c");
        setTimeout(() => a.classList.remove("c"), 2e3);
      }, () => 0);
    }
  };
})(document, "govreport");
