// The session's countdown and warning (issue 11). The session ends on the server anyway; this
// only tells the user in time and lets them stay logged in with one click.
(function () {
  "use strict";
  var sessie = document.getElementById("sessie");
  var waarschuwing = document.getElementById("sessie-waarschuwing");
  var formulier = document.getElementById("sessie-verlengen");
  if (!sessie || !waarschuwing || !formulier) return;
  var drempel = parseInt(sessie.dataset.waarschuwing, 10);
  var einde = Date.now() + parseInt(sessie.dataset.seconden, 10) * 1000;

  function tijd(ms) {
    var d = new Date(ms);
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  function bijwerken() {
    var over = Math.round((einde - Date.now()) / 1000);
    if (over <= 0) {
      window.location.reload();  // the server logs out and shows the login page
      return;
    }
    waarschuwing.hidden = over > drempel;
    document.getElementById("sessie-minuten").textContent =
      Math.ceil(over / 60) + (over > 60 ? " minuten" : " minuut");
    sessie.textContent = "Sessie tot " + tijd(einde);
  }

  formulier.addEventListener("submit", function (e) {
    e.preventDefault();
    fetch(sessie.dataset.verlengen, {
      method: "POST", body: new FormData(formulier), credentials: "same-origin",
      headers: {"X-Requested-With": "fetch"}
    }).then(function (r) {
      if (!r.ok || r.redirected) { window.location.reload(); return null; }
      return r.json();
    }).then(function (data) {
      if (data) { einde = Date.now() + data.seconden * 1000; bijwerken(); }
    });
  });

  bijwerken();
  window.setInterval(bijwerken, 15000);
}());
