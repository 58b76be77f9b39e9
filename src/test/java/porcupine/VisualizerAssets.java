package porcupine;

/**
 * The style sheet and script inlined into every visualizer page, so the page works offline and from
 * a CI artifact with no server. The script is plain ES5-style JavaScript with no library: hovering
 * a bar shows its tooltip and highlights the longest linearization containing it (numbered in
 * order); a click pins the tooltip, Escape or a click elsewhere unpins it. On load, every partition
 * that failed is scrolled sideways to show where it failed.
 */
final class VisualizerAssets {

  private VisualizerAssets() {}

  static final String CSS =
"""
:root { --lin: #a5d6a7; --lin-border: #2e7d32; --fail: #e53935; --none: #e0e0e0; --hl: #1565c0; }
body { margin: 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #212121; background: #fafafa; }
header { padding: 12px 20px 10px; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 0 0 2px; }
.verdict { padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 0.8em; vertical-align: 1px; }
.verdict.ok { background: #2e7d32; }
.verdict.illegal { background: #c62828; }
.verdict.unknown { background: #ef6c00; }
.meta { margin: 2px 0 8px; color: #555; }
.toc { margin-bottom: 6px; }
.toc a { display: inline-block; margin: 0 4px 4px 0; padding: 0 8px; border: 1px solid #ccc;
         border-radius: 10px; color: inherit; text-decoration: none; background: #fff; }
.toc a.illegal { border-color: #c62828; color: #c62828; font-weight: 600; }
.toc a.unknown { border-color: #ef6c00; color: #ef6c00; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: center; color: #333; }
.sw { display: inline-block; width: 26px; height: 12px; margin-right: 5px; vertical-align: -2px;
      border-radius: 3px; border: 1px solid #999; box-sizing: border-box; }
.sw-lin { background: var(--lin); border-color: var(--lin-border); }
.sw-fail { background: var(--fail); border: 2px solid #7f0000; }
.sw-none { background: var(--none); }
.sw-line { width: 0; height: 14px; border: 0; border-left: 2px dashed var(--fail); border-radius: 0;
           margin: 0 16px 0 10px; }
.sw-ann { background: #ffe08a; }
.sw-hl { background: #fff; border: 2px solid var(--hl); }
main { padding: 4px 20px 40px; }
.partition { margin: 14px 0 22px; }
.summary { margin: 0 0 6px; color: #444; }
.chart-row { display: flex; background: #fff; border: 1px solid #ddd; }
.labels { position: relative; flex: 0 0 100px; border-right: 1px solid #ddd; }
.label { position: absolute; left: 0; right: 0; padding: 0 6px; overflow: hidden; white-space: nowrap;
         text-overflow: ellipsis; font-size: 12px; line-height: 24px; color: #555; }
.scroll { flex: 1 1 auto; overflow-x: auto; }
.chart { position: relative; min-width: 100%; }
.lane { position: absolute; left: 0; right: 0; }
.lane.odd, .label.odd { background: #f3f5f7; }
.lane.annotation-lane, .label.annotation-lane { background: #fffbea; font-style: italic; }
.op, .ann { position: absolute; height: 18px; box-sizing: border-box; padding: 0 4px; border-radius: 3px;
            overflow: hidden; white-space: nowrap; text-overflow: ellipsis; cursor: pointer;
            font: 11px/16px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.op.lin { background: var(--lin); border: 1px solid var(--lin-border); }
.op.fail { z-index: 2; background: var(--fail); border: 2px solid #7f0000; color: #fff; font-weight: 600; }
.op.none { background: var(--none); border: 1px solid #9e9e9e; color: #616161; }
.partition.unknown .op.none { border-style: dashed; }
.ord { display: inline-block; margin-right: 4px; padding: 0 3px; border-radius: 6px;
       background: rgba(0, 0, 0, .55); color: #fff; font-size: 10px; line-height: 13px; }
.ord:empty { display: none; }
.ann { border: 1px solid rgba(0, 0, 0, .35); color: #333; }
.ann.point { overflow: visible; padding-left: 4px; border: 0; border-left: 4px solid #f9a825;
             border-radius: 0; background: transparent; }
.fail-line { position: absolute; top: 0; width: 0; z-index: 1; pointer-events: none;
             border-left: 2px dashed var(--fail); }
.fail-line span { position: absolute; top: 3px; left: 5px; white-space: nowrap; color: #c62828;
                  font-weight: 600; font-size: 12px; }
.fail-line.flip span { left: auto; right: 5px; }
.focus .op { opacity: .35; }
.focus .op.hl, .focus .op.current { opacity: 1; }
.op.hl { outline: 2px solid var(--hl); }
.op.current { outline: 3px solid #0d47a1; }
.tooltip { position: fixed; z-index: 10; max-width: 480px; padding: 8px 10px; border-radius: 6px;
           background: #263238; color: #eceff1; font-size: 12px; pointer-events: none;
           box-shadow: 0 4px 14px rgba(0, 0, 0, .3); }
.tooltip .tip-title { margin-bottom: 4px; font: 600 12px ui-monospace, Menlo, Consolas, monospace;
                      word-break: break-all; }
.tooltip .tip-bad { color: #ff8a80; }
.tooltip .tip-note { color: #b0bec5; }
""";

  static final String JS =
"""
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('porcupine-data').textContent);
  var tip = document.getElementById('tooltip');
  var pinned = null;  // the bar whose tooltip a click pinned
  var lit = null;     // the section whose bars are highlighted
  var BARS = '.op[data-i], .ann[data-a]';

  function line(text, cls) {
    var d = document.createElement('div');
    if (cls) { d.className = cls; }
    d.textContent = text;  // text, never HTML: descriptions come from the history
    tip.appendChild(d);
  }

  function fillOp(p, i) {
    var part = data.partitions[p], op = part.ops[i];
    line(op.d, 'tip-title');
    line('client ' + op.c + ' \\u00b7 called ' + op.t0 + ' \\u00b7 returned ' + op.t1);
    if (op.k === 'fail') {
      line('The first operation that cannot be linearized after the longest prefix.', 'tip-bad');
      line('State at that point: ' + op.s);
    } else if (op.l >= 0) {
      line('#' + op.p + ' of ' + part.lins[op.l].length +
           ' in the longest linearizable prefix containing it');
      line('State after it: ' + op.s);
    } else {
      line('Not in any linearizable prefix the checker found.', 'tip-bad');
    }
  }

  function fillAnnotation(a) {
    var ann = data.annotations[a];
    line(ann.d, 'tip-title');
    line(ann.tag + ' \\u00b7 ' + ann.t0 + (ann.t1 === ann.t0 ? '' : ' to ' + ann.t1), 'tip-note');
    if (ann.details) { line(ann.details); }
  }

  function highlight(bar) {
    var section = bar.closest('.partition');
    var part = data.partitions[+section.dataset.p], op = part.ops[+bar.dataset.i];
    // A failing operation has no linearization of its own: show the prefix it could not extend.
    var order = op.l >= 0 ? part.lins[op.l] : op.k === 'fail' && part.main >= 0 ? part.lins[part.main] : [];
    var pos = {};
    order.forEach(function (o, k) { pos[o] = k + 1; });
    section.classList.add('focus');
    section.querySelectorAll('.op').forEach(function (b) {
      var j = +b.dataset.i, badge = b.querySelector('.ord');
      b.classList.toggle('hl', pos[j] !== undefined);
      if (badge) {
        // Numbers now follow the hovered order; the failure mark always stays.
        badge.textContent = pos[j] !== undefined ? pos[j] : badge.dataset.static === '\u2717' ? '\u2717' : '';
      }
    });
    bar.classList.add('current');
    lit = section;
  }

  function unhighlight() {
    if (!lit) { return; }
    lit.classList.remove('focus');
    lit.querySelectorAll('.op').forEach(function (b) {
      b.classList.remove('hl', 'current');
      var badge = b.querySelector('.ord');
      if (badge) { badge.textContent = badge.dataset.static; }
    });
    lit = null;
  }

  function place(x, y) {
    var w = tip.offsetWidth, h = tip.offsetHeight, left = x + 14, top = y + 14;
    if (left + w > window.innerWidth - 8) { left = x - w - 14; }
    if (top + h > window.innerHeight - 8) { top = y - h - 14; }
    tip.style.left = Math.max(4, left) + 'px';
    tip.style.top = Math.max(4, top) + 'px';
  }

  function show(bar, x, y) {
    hide();
    if (bar.dataset.i !== undefined) {
      fillOp(+bar.closest('.partition').dataset.p, +bar.dataset.i);
      highlight(bar);
    } else {
      fillAnnotation(+bar.dataset.a);
    }
    tip.hidden = false;
    place(x, y);
  }

  function hide() {
    tip.hidden = true;
    tip.textContent = '';
    unhighlight();
  }

  // Long partitions scroll sideways: start each one with its failure in view.
  document.querySelectorAll('.fail-line').forEach(function (line) {
    var scroll = line.closest('.scroll');
    scroll.scrollLeft = Math.max(0, line.offsetLeft - scroll.clientWidth * 0.7);
  });

  document.addEventListener('mouseover', function (e) {
    var bar = e.target.closest(BARS);
    if (bar && !pinned) { show(bar, e.clientX, e.clientY); }
  });
  document.addEventListener('mousemove', function (e) {
    if (!pinned && !tip.hidden) { place(e.clientX, e.clientY); }
  });
  document.addEventListener('mouseout', function (e) {
    var bar = e.target.closest(BARS);
    if (bar && !pinned && !bar.contains(e.relatedTarget)) { hide(); }
  });
  document.addEventListener('click', function (e) {
    var bar = e.target.closest(BARS);
    if (bar && bar !== pinned) {
      pinned = null;
      show(bar, e.clientX, e.clientY);
      pinned = bar;
    } else {
      pinned = null;
      hide();
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { pinned = null; hide(); }
  });
})();
""";
}
