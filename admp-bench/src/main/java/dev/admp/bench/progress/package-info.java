/** Progress on standard error while the benchmark runs: a bar on a terminal, plain lines otherwise. */
package dev.admp.bench.progress;
