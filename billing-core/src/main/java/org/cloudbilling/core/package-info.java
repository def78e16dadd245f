/** cloudbilling core. */
package org.cloudbilling.core;
