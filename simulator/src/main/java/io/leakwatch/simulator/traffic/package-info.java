/**
 * Generation of the simulated SMS traffic: subscribers and sender numbers, app registrations with
 * their OTPs, person-to-person, notice and background spam traffic, seasonal floods, and the
 * planted leaks. Each part draws from its own random stream derived from the scenario seed, so
 * adding a leak or a flood does not reshuffle the rest of the traffic.
 */
package io.leakwatch.simulator.traffic;
