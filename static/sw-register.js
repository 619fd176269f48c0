// Offline use of a network's public pages (src/lib/offline/sw.js). Loaded with <script src defer>
// on the public pages of a network (the page's Content-Security-Policy allows no inline script);
// the pages work the same without it. It registers the service worker and asks it to save the
// network's start page, finder, the offers listed there, the message page and the offline page,
// in the language of this page (the address in <meta name="miteinander-offline">).
(function () {
	var meta = document.querySelector('meta[name="miteinander-offline"]');
	if (!meta || !('serviceWorker' in navigator)) return;
	var base = meta.getAttribute('content');
	navigator.serviceWorker.addEventListener('message', function (event) {
		if (event.data && event.data.type === 'saved' && event.data.base === base)
			document.documentElement.setAttribute('data-offline-ready', base);
	});
	navigator.serviceWorker
		.register('/sw.js')
		.then(function () {
			return navigator.serviceWorker.ready;
		})
		.then(function (registration) {
			if (registration.active) registration.active.postMessage({ type: 'save', base: base });
		})
		.catch(function () {
			// no offline use (private mode, blocked): the page works as before
		});
})();
