/**
 * Prints `element` alone: the print stylesheet (guide.css) hides everything but the element
 * marked data-print-target while the browser's print dialog is open.
 */
export function printOnly(element: HTMLElement | null): void {
  if (!element) return;
  // One part at a time: a mark left by a print still finishing goes.
  document.querySelectorAll<HTMLElement>('[data-print-target]').forEach((marked) => {
    delete marked.dataset.printTarget;
  });
  element.dataset.printTarget = 'true';
  const done = () => {
    delete element.dataset.printTarget;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Browsers whose print() returns only once printing is over fire no afterprint reliably.
  setTimeout(done, 1000);
}
