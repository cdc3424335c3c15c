/**
 * The benchmark's figures and their renderings: {@code bench.json}, the terminal tables and the
 * self-contained {@code bench.html} with inline SVG charts.
 */
package dev.admp.bench.report;
