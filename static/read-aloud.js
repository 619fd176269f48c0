/*
 * Vorlesen (read-aloud): reads a page's main content with the browser's own speech synthesis,
 * paragraph by paragraph, highlighting the one being read. Progressive enhancement: the control
 * (rendered hidden by the page, see ReadAloud.svelte) is shown only when the browser has speech
 * synthesis and a voice for the content's language. A plain file (no inline script, CSP 'self'),
 * so it works on pages served without SvelteKit's client script (/ar/…) as well.
 */
(function () {
	var synth = window.speechSynthesis;
	if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') return;
	var PARTS = 'h1,h2,h3,h4,p,li,dt,dd,blockquote,figcaption,td';
	var active = null;

	function langOf(el) {
		var holder = el.closest('[lang]');
		return ((holder && holder.lang) || document.documentElement.lang || '').toLowerCase();
	}

	function voiceFor(lang) {
		var base = lang.split('-')[0];
		var voices = synth.getVoices() || [];
		var match = null;
		for (var i = 0; i < voices.length; i++) {
			var l = String(voices[i].lang || '').toLowerCase().replace('_', '-');
			if (l === lang) return voices[i];
			if (!match && l.split('-')[0] === base) match = voices[i];
		}
		return match;
	}

	function partsOf(target) {
		var all = Array.prototype.slice.call(target.querySelectorAll(PARTS));
		return all.filter(function (el) {
			if (el.closest('[data-read-aloud],[hidden],[aria-hidden="true"]')) return false;
			if (!el.textContent.trim()) return false;
			// the innermost part only: a list item with paragraphs is read paragraph by paragraph
			return !all.some(function (other) {
				return other !== el && el.contains(other);
			});
		});
	}

	function setup(box) {
		if (box.getAttribute('data-ready')) return;
		var target = document.getElementById(box.getAttribute('data-read-aloud'));
		if (!target) return;
		var voice = voiceFor(langOf(target));
		if (!voice) return;
		box.setAttribute('data-ready', '1');
		var play = box.querySelector('[data-action="play"]');
		var pause = box.querySelector('[data-action="pause"]');
		var stop = box.querySelector('[data-action="stop"]');
		var status = box.querySelector('[role="status"]');
		var parts = [];
		var index = 0;
		var state = 'idle';
		var current = null;
		var run = 0; // a stopped or restarted reading ignores its utterances' late events

		function mark(el) {
			if (current) current.classList.remove('read-aloud-current');
			current = el;
			if (el) {
				el.classList.add('read-aloud-current');
				if (el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
			}
		}

		function set(next, message) {
			state = next;
			play.setAttribute('aria-pressed', String(next !== 'idle'));
			pause.disabled = next === 'idle';
			stop.disabled = next === 'idle';
			pause.setAttribute('aria-pressed', String(next === 'paused'));
			pause.textContent = box.getAttribute(next === 'paused' ? 'data-resume' : 'data-pause');
			if (message) status.textContent = box.getAttribute('data-' + message);
		}

		function speak() {
			if (state !== 'playing') return;
			if (index >= parts.length) return finish();
			var el = parts[index];
			var mine = run;
			mark(el);
			var utterance = new window.SpeechSynthesisUtterance(el.textContent.replace(/\s+/g, ' ').trim());
			// a part in another language (a German original on an Arabic page) gets its own voice
			var partLang = langOf(el) || voice.lang;
			var partVoice = voiceFor(partLang);
			utterance.lang = partVoice ? partVoice.lang : partLang;
			if (partVoice) utterance.voice = partVoice;
			utterance.onend = function () {
				if (state === 'playing' && mine === run) {
					index++;
					speak();
				}
			};
			synth.speak(utterance);
		}

		function finish() {
			run++;
			state = 'idle';
			synth.cancel();
			mark(null);
			set('idle', 'stopped');
			if (active === box) active = null;
		}

		play.addEventListener('click', function () {
			if (state === 'paused') {
				synth.resume();
				return set('playing', 'playing');
			}
			if (state === 'playing') return;
			if (active && active !== box) synth.cancel();
			active = box;
			synth.cancel();
			run++;
			parts = partsOf(target);
			index = 0;
			set('playing', 'playing');
			speak();
		});
		pause.addEventListener('click', function () {
			if (state === 'playing') {
				synth.pause();
				set('paused', 'paused');
			} else if (state === 'paused') {
				synth.resume();
				set('playing', 'playing');
			}
		});
		stop.addEventListener('click', finish);
		set('idle');
		box.hidden = false;
	}

	function scan() {
		// a page left by client-side navigation stops reading
		if (active && !active.isConnected) {
			active = null;
			synth.cancel();
		}
		var boxes = document.querySelectorAll('[data-read-aloud]');
		for (var i = 0; i < boxes.length; i++) setup(boxes[i]);
	}

	function start() {
		scan();
		if (synth.addEventListener) synth.addEventListener('voiceschanged', scan);
		if (window.MutationObserver)
			new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
		window.addEventListener('pagehide', function () {
			synth.cancel();
		});
	}

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
	else start();
})();
