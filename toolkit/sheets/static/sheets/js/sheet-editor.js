/*
 * The sheet edit form"s two helpers, as Stimulus controllers registered with Wagtail"s own
 * application (window.wagtail.app), so they connect to the widgets wherever Wagtail draws them,
 * including forms it re-renders. The widgets work without this file; it only makes them live.
 *
 * sheet-word-count: "12 of 60 words" under the summary, updated as the editor types and turning
 *   into a warning past the limit. Counted like the server"s validator: runs of non-space text.
 * sheet-choice-filter: a "Find a topic" box that hides the checkboxes not matching what is
 *   typed (ticked ones stay ticked) and says how many match. Enter never submits the page
 *   form from the box; Escape empties it.
 */
(() => {
    const { app } = window.wagtail || {};
    const { Controller } = window.StimulusModule || {};
    if (!app || !Controller) {
        return;
    }

    const countWords = (text) => text.split(/\s+/).filter(Boolean).length;

    class WordCountController extends Controller {
        static targets = ["input", "output"];

        static values = { max: Number };

        connect() {
            this.update();
        }

        update() {
            const words = countWords(this.inputTarget.value);
            const over = words - this.maxValue;
            const text =
                over > 0
                    ? `${words} of ${this.maxValue} words: ${over} too many`
                    : `${words} of ${this.maxValue} words`;
            if (this.outputTarget.textContent !== text) {
                this.outputTarget.textContent = text;
            }
            this.outputTarget.classList.toggle("sheet-word-count__output--over", over > 0);
        }
    }

    class ChoiceFilterController extends Controller {
        static targets = ["box", "query", "status", "option", "group"];

        static values = { plural: String, total: Number };

        connect() {
            this.boxTarget.hidden = false;
        }

        filter() {
            const query = this.queryTarget.value.trim().toLocaleLowerCase();
            let shown = 0;
            this.optionTargets.forEach((option) => {
                const matches = option.dataset.label.toLocaleLowerCase().includes(query);
                option.hidden = !matches;
                shown += matches ? 1 : 0;
            });
            this.groupTargets.forEach((group) => {
                group.hidden = !group.querySelector("li:not([hidden])");
            });
            this.statusTarget.textContent = this.describe(query, shown);
        }

        describe(query, shown) {
            if (!query) {
                return "";
            }
            const ticked = this.element.querySelectorAll("input[type=checkbox]:checked").length;
            const found = shown
                ? `${shown} of ${this.totalValue} ${this.pluralValue} match “${query}”.`
                : `No ${this.pluralValue} match “${query}”.`;
            return `${found} ${ticked} ticked.`;
        }

        stay(event) {
            event.preventDefault();
        }

        clear(event) {
            if (this.queryTarget.value) {
                event.preventDefault();
                this.queryTarget.value = "";
                this.filter();
            }
        }
    }

    app.register("sheet-word-count", WordCountController);
    app.register("sheet-choice-filter", ChoiceFilterController);
})();
