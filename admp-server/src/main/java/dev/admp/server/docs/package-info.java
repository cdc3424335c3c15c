/** The API's own description: the OpenAPI 3.0 document and a readable page generated from it. */
package dev.admp.server.docs;
