/** cloudbilling allocation. */
package org.cloudbilling.allocation;
