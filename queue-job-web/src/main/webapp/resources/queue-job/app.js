/*
 * Queue Job back office: the few behaviours pages need beyond PrimeFaces, bound here rather than written inline,
 * because the Content-Security-Policy allows no inline script.
 *
 * - [data-copy="id"] buttons copy the text of the element with that id (the job page's stack trace).
 * - The job page's dependency graph: zoom buttons ([data-graph-zoom] in, out, fit, actual), dragging pans the frame,
 *   and the frame opens scrolled to the current job.
 */
(function () {
    'use strict';

    var STEP = 1.25;
    var MIN_SCALE = 0.05;
    var MAX_SCALE = 2;

    function graphFrame() {
        return document.getElementById('graphFrame');
    }

    function graphSvg() {
        var frame = graphFrame();
        return frame ? frame.querySelector('svg') : null;
    }

    function naturalSize(svg) {
        var box = svg.viewBox.baseVal;
        return {width: box.width, height: box.height};
    }

    function currentScale(svg) {
        return parseFloat(svg.getAttribute('width')) / naturalSize(svg).width;
    }

    function setScale(svg, scale) {
        var size = naturalSize(svg);
        var clamped = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
        svg.setAttribute('width', String(Math.max(1, Math.round(size.width * clamped))));
        svg.setAttribute('height', String(Math.max(1, Math.round(size.height * clamped))));
        return clamped;
    }

    /** The scale at which the whole graph fits the frame (never enlarged beyond its actual size). */
    function fitScale(svg) {
        var frame = graphFrame();
        var size = naturalSize(svg);
        var available = Math.max(1, frame.clientWidth - 8);
        return Math.min(1, available / size.width);
    }

    /** Scrolls the frame so that the current job is in the middle of it. */
    function showCurrent(svg) {
        var frame = graphFrame();
        var current = svg.querySelector('.qj-node-current');
        if (!current) {
            return;
        }
        var scale = currentScale(svg);
        var x = parseFloat(current.getAttribute('x')) * scale;
        var y = parseFloat(current.getAttribute('y')) * scale;
        frame.scrollLeft = Math.max(0, x - frame.clientWidth / 2);
        frame.scrollTop = Math.max(0, y - frame.clientHeight / 2);
    }

    function zoom(how) {
        var svg = graphSvg();
        if (!svg) {
            return;
        }
        if (how === 'in') {
            setScale(svg, currentScale(svg) * STEP);
        } else if (how === 'out') {
            setScale(svg, currentScale(svg) / STEP);
        } else if (how === 'fit') {
            setScale(svg, fitScale(svg));
        } else {
            setScale(svg, 1);
        }
        showCurrent(svg);
    }

    document.addEventListener('click', function (event) {
        var copy = event.target.closest('[data-copy]');
        if (copy) {
            var source = document.getElementById(copy.getAttribute('data-copy'));
            if (source && navigator.clipboard) {
                navigator.clipboard.writeText(source.textContent);
            }
            return;
        }
        var zoomButton = event.target.closest('[data-graph-zoom]');
        if (zoomButton) {
            zoom(zoomButton.getAttribute('data-graph-zoom'));
        }
    });

    /* Dragging the frame's background pans it (links inside keep their clicks). */
    var drag = null;
    document.addEventListener('mousedown', function (event) {
        var frame = graphFrame();
        if (!frame || event.button !== 0 || !frame.contains(event.target) || event.target.closest('a')) {
            return;
        }
        drag = {x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop};
        frame.classList.add('qj-graph-dragging');
        event.preventDefault();
    });
    document.addEventListener('mousemove', function (event) {
        if (drag) {
            var frame = graphFrame();
            frame.scrollLeft = drag.left - (event.clientX - drag.x);
            frame.scrollTop = drag.top - (event.clientY - drag.y);
        }
    });
    document.addEventListener('mouseup', function () {
        if (drag) {
            graphFrame().classList.remove('qj-graph-dragging');
            drag = null;
        }
    });

    function start() {
        var svg = graphSvg();
        if (svg) {
            showCurrent(svg);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
