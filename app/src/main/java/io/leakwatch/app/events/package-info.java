/** Reading what investigators and the simulator hand over: raw SMS exports (JSON Lines) and app lists (JSON). */
package io.leakwatch.app.events;
