/**
 * Bill A and Bill B as a {@link org.cloudbilling.reseller.view.Viewer} may see them
 * ({@link org.cloudbilling.reseller.view.ScopedViews}); a request outside the viewer's scope throws
 * {@link org.cloudbilling.reseller.view.OutOfScopeException}.
 */
package org.cloudbilling.reseller.view;
