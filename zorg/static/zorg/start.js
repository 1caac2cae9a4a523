// Loads the care block of the start page from its own address (progressive enhancement:
// without JavaScript the block is a link to the same page).
document.querySelectorAll("[data-zorg-start]:not([data-geladen])").forEach(function (blok) {
  blok.setAttribute("data-geladen", "1");
  fetch(blok.getAttribute("data-zorg-start"), {
    credentials: "same-origin", headers: {"X-Requested-With": "fetch"}
  }).then(function (antwoord) {
    return antwoord.ok ? antwoord.text() : Promise.reject(antwoord.status);
  }).then(function (html) {
    blok.innerHTML = html;
  }).catch(function () { /* the link stays */ });
});
