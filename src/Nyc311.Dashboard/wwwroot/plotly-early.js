// Starts plotly.js while the page is parsed and the circuit starts. Left to itself, Plotly.Blazor asks for it only
// after a chart's first interactive render, so the 1.1 MB script and the circuit start would come one after the other.
//
// It goes through Plotly.Blazor's own interop module, at the very (unfingerprinted) paths the library uses
// (PlotlyEarly in Components/Charts holds the same two paths, and a test checks them against the library): the module
// is then the one instance the library imports too, it records plotly.js as loading or loaded, and the library's own
// request finds the script in place instead of loading and running it a second time. App.razor preloads the same
// address, so the download has begun before this module runs.
import { importScript } from './_content/Plotly.Blazor/plotly-interop-7.2.0.js';

await importScript('plotly-import', './_content/Plotly.Blazor/plotly-basic-3.7.0.min.js');

// The first chart drawn in a page also pays for plotly.js setting itself up (its styles, text measurement, and compiling
// its drawing code): a few hundred ms on a busy machine. A small chart of the kinds the pages draw (dated lines with a
// band, markers, bars), off screen and removed at once, pays for it while the circuit is still starting.
const warm = document.createElement('div');
warm.setAttribute('aria-hidden', 'true');
warm.style.cssText = 'position:absolute;left:-10000px;top:0;width:480px;height:240px;visibility:hidden';
document.body.appendChild(warm);
try {
    const x = ['2024-01-01', '2024-01-02', '2024-01-03'];
    await window.Plotly.newPlot(warm, [
        { type: 'scatter', mode: 'lines', x, y: [3, 4, 5], line: { width: 0 }, showlegend: false },
        { type: 'scatter', mode: 'lines', x, y: [1, 2, 3], fill: 'tonexty', name: 'range' },
        { type: 'scatter', mode: 'lines+markers', x, y: [2, 3, 2], name: 'a' },
        { type: 'bar', x, y: [1, 2, 1], name: 'b' },
    ], {
        height: 240, width: 480, hovermode: 'x unified', legend: { orientation: 'h' }, xaxis: { type: 'date' },
        shapes: [{ type: 'rect', xref: 'x', yref: 'paper', x0: x[0], x1: x[1], y0: 0, y1: 1 }],
    }, { displaylogo: false });
} finally {
    window.Plotly.purge(warm);
    warm.remove();
}
