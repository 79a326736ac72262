// <nyc-plot data-figure='{"data":[...],"layout":{...},"config":{...}}'>: a plotly.js chart that the browser draws from
// the page itself (PlotlyView writes it).
//
// Pages are prerendered with their data and the Blazor circuit takes over a moment later. A chart drawn through the
// circuit would appear only then, 0.5 to 1 s after the rest of the page; drawn here, it appears with the page, and a new
// figure from the circuit (a filter changed, the tables moved on) redraws it in place with Plotly.react.
//
// plotly.js (1.1 MB) takes a fresh browser 150 to 300 ms to run, so it is not in the page's way: the page paints first,
// with each chart's sketch (a still drawing made on the server), and plotly.js is loaded after that first paint (its
// address is this script's data-plotly; the page's head preloads it). Charts wait for it and are then drawn over their
// sketches, which app.css hides.
//
// The figures are laid out for a desk page; the element fits them to the page it is in: text in the muted ink of its
// theme (light, dark, wall), and on a wall display (data-wall) type, margins and height grown with the page's type.
//
// When the circuit takes over, Blazor replaces the prerendered markup with its own render of the same page. A chart
// whose element leaves the page is kept until the end of that task, and a new element with the same figure takes the
// drawn chart over instead of drawing it again.
{
    const plotlyAddress = document.currentScript?.dataset.plotly;
    let plotly = null;

    // plotly.js, loaded once, after the next paint: the page (with its sketches) is on screen before plotly.js runs.
    const loadPlotly = () => plotly ??= new Promise((resolve, reject) => {
        if (window.Plotly) {
            resolve(window.Plotly);
            return;
        }
        if (!plotlyAddress) {
            reject(new Error('charts.js needs the address of plotly.js in its data-plotly attribute'));
            return;
        }
        const script = document.createElement('script');
        script.src = plotlyAddress;
        script.onload = () => window.Plotly ? resolve(window.Plotly) : reject(new Error(`${plotlyAddress} did not define Plotly`));
        script.onerror = () => reject(new Error(`plotly.js not loaded from ${plotlyAddress}`));
        requestAnimationFrame(() => setTimeout(() => document.head.append(script), 0));
    });

    // Each drawn graph's current element: a chart taken over while plotly.js was still loading is drawn by its new owner.
    const owners = new WeakMap();

    // What they showed (#wanted) -> elements that left the page in the current task, still holding their drawn chart.
    const released = new Map();

    class PlotlyFigure extends HTMLElement {
        static observedAttributes = ['data-figure', 'data-wall'];

        #graph = null;
        #drawn = null;

        connectedCallback() {
            if (!this.#graph && !this.#adopt()) {
                this.#graph = document.createElement('div');
                this.#graph.className = 'plot';
                owners.set(this.#graph, this);
                this.append(this.#graph);
            }
            this.#draw();
        }

        attributeChangedCallback() {
            if (this.isConnected && this.#graph) {
                this.#draw();
            }
        }

        disconnectedCallback() {
            const figure = this.#drawn;
            if (!this.#graph || figure === null) {
                return;
            }
            const leaving = released.get(figure) ?? new Set();
            released.set(figure, leaving);
            leaving.add(this);
            setTimeout(() => {
                leaving.delete(this);
                if (leaving.size === 0 && released.get(figure) === leaving) {
                    released.delete(figure);
                }
                if (!this.isConnected && this.#graph) {
                    window.Plotly?.purge(this.#graph);
                    this.#graph.remove();
                    this.#graph = this.#drawn = null;
                }
            }, 0);
        }

        #adopt() {
            const leaving = released.get(this.#wanted());
            const from = leaving && [...leaving].find(e => !e.isConnected && e.#graph);
            if (!from) {
                return false;
            }
            leaving.delete(from);
            [this.#graph, this.#drawn] = [from.#graph, from.#drawn];
            from.#graph = from.#drawn = null;
            this.style.height = from.style.height;
            owners.set(this.#graph, this);
            this.append(this.#graph);
            return true;
        }

        // What the element is asked to show: the figure, and where (desk or wall).
        #wanted() {
            return this.dataset.figure ? `${this.dataset.wall ?? 'desk'}|${this.dataset.figure}` : null;
        }

        #draw() {
            const wanted = this.#wanted();
            if (!wanted || wanted === this.#drawn) {
                return;
            }
            this.#drawn = wanted;
            const graph = this.#graph;
            loadPlotly().then(Plotly => {
                // By now the graph may have moved to another element, or been given a newer figure: draw only what is still wanted.
                const owner = owners.get(graph);
                if (!owner?.isConnected || owner.#graph !== graph || owner.#drawn !== wanted) {
                    return;
                }
                const { data, layout, config } = JSON.parse(owner.dataset.figure);
                owner.#fit(layout);
                return Plotly.react(graph, data, layout, config);
            }).catch(e => console.error('chart not drawn:', e));
        }

        #fit(layout) {
            const style = getComputedStyle(this);
            const ink = style.getPropertyValue('--muted').trim();
            layout.font = { ...layout.font, color: ink || layout.font?.color };
            layout.height ??= 360;
            if (this.dataset.wall) {
                // A desk page's type is 16 px; the wall's is larger (app.css).
                const scale = parseFloat(style.fontSize) / 16;
                layout.font.size = Math.round((layout.font.size ?? 12) * scale);
                layout.height = Math.round(layout.height * scale);
                for (const side of ['l', 'r', 't', 'b']) {
                    if (layout.margin?.[side] !== undefined) {
                        layout.margin[side] = Math.round(layout.margin[side] * scale);
                    }
                }
            }
            // Also back to the desk height when the wall view is left (Blazor leaves an unchanged style attribute alone).
            this.style.height = `${layout.height}px`;
        }
    }

    customElements.define('nyc-plot', PlotlyFigure);

    // Also on pages without charts, so that moving to one from the menu finds plotly.js ready.
    loadPlotly().catch(e => console.error(e.message));
}
