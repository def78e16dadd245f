/** cloudbilling examples. */
package org.cloudbilling.examples;
