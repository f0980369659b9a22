/** The demo: a real broker and registry in-process, simulated carrier traffic streamed at accelerated time. */
package io.leakwatch.app.demo;
