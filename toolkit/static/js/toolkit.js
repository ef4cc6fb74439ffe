// Progressive enhancement only: every page works without this file.
// Close the "Get started" menu with Escape or when focus leaves it, as readers expect of a menu.
document.querySelectorAll("details.menu").forEach((menu) => {
    menu.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && menu.open) {
            menu.open = false;
            menu.querySelector("summary").focus();
        }
    });
    menu.addEventListener("focusout", (event) => {
        if (!menu.contains(event.relatedTarget)) menu.open = false;
    });
});
