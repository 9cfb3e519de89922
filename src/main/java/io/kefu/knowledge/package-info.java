/**
 * The knowledge base: articles and service guides (办事指南) with the materials a customer
 * must bring, drafts, published versions, and Chinese search.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge",
		allowedDependencies = { "directory", "security", "shared", "web" })
package io.kefu.knowledge;
