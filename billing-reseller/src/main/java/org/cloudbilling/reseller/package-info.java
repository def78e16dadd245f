/** cloudbilling reseller. */
package org.cloudbilling.reseller;
