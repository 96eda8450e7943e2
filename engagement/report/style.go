package report

// pageStyle is the style sheet every report page shares: the event's
// report and the campaign's.
const pageStyle = `<style>
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;max-width:980px;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.45;overflow-wrap:break-word}
h1{margin:.2em 0 0;font-size:1.8em;line-height:1.2}h2{border-bottom:2px solid #0072b2;padding-bottom:.2em;margin-top:1.8em;font-size:1.3em}h3{font-size:1.05em;margin:1.2em 0 .4em}
.lead{font-size:1.15em}
.banner{background:#fff3cd;border:1px solid #e0b000;padding:.5em .8em;border-radius:4px}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:.7em;margin:.8em 0}
.card{border:1px solid #ccd;border-radius:6px;padding:.5em .8em}
.card .v{font-size:1.7em;font-weight:650;color:#0072b2;line-height:1.15}.card .l{font-weight:500}.card .d{font-size:.8em;color:#555}
.scroll{overflow-x:auto;max-width:100%}
.scroll tbody td:first-child,.scroll thead tr:first-child th:first-child{position:sticky;left:0;z-index:1;background:#fff;box-shadow:inset -1px 0 #ddd}
.scroll tbody tr:nth-child(even) td:first-child{background:#f4f6f8}
.pages td:first-child{min-width:9em}
table{border-collapse:collapse;width:100%;font-size:.88em;margin:.4em 0}th,td{padding:3px 6px;text-align:left;vertical-align:top}
th{border-bottom:1px solid #888}tr:nth-child(even){background:#f4f6f8}td.n,th.n{text-align:right;white-space:nowrap}.cmp th.n,.cmp td.n .muted{white-space:normal}.guide td.n .muted{white-space:normal;display:inline-block;min-width:7em}
figure{margin:1.5em 0}.chart img,.chart svg{max-width:100%;height:auto;display:block}figcaption{font-size:.9em;color:#444}
details{margin:.6em 0;border:1px solid #ddd;border-radius:4px;padding:.3em .7em}summary{cursor:pointer;font-weight:600}
dl dt{font-weight:600;margin-top:.5em}dl dd{margin:0 0 0 1em}code{font-size:.9em;color:#555}
.muted{color:#666;font-size:.85em}
@media (max-width:700px){.cards{grid-template-columns:repeat(2,1fr)}}
@media (min-width:701px){.guide td.n .muted,.cmp td.n .muted{white-space:nowrap}}
@media (max-width:500px){body{padding:0 .6em}h1{font-size:1.45em}.card .v{font-size:1.4em}table{font-size:.8em}}
@media print{body{max-width:none;margin:0;font-size:10.5pt}a{color:inherit}details{border:0;padding:0}details>*{display:block}
h2{break-after:avoid}figure,.card,tr{break-inside:avoid}.scroll{overflow:visible}}
</style>`
