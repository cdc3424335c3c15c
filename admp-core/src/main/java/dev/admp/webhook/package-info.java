/** The port through which the inbox hands new messages to webhook delivery. */
package dev.admp.webhook;
