package io.kefu.request.rest;

import java.util.List;

import io.kefu.request.Category;
import io.kefu.request.CategoryManagement;
import io.kefu.request.RequestType;
import io.kefu.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The category trees, for administrators (GET /api/v1/requests/categories lists the active ones for intake). */
@RestController
@RequestMapping("/api/v1/request-categories")
class CategoryRestController {

	private final CategoryManagement categories;

	CategoryRestController(CategoryManagement categories) {
		this.categories = categories;
	}

	@GetMapping
	List<Category> all(@RequestParam RequestType type) {
		return categories.all(type);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Created add(CurrentUser user, @RequestBody NewCategory request) {
		return new Created(categories.add(user, request.type(), request.parentId(), request.name()));
	}

	@PutMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void update(CurrentUser user, @PathVariable long id, @RequestBody CategoryChange request) {
		categories.update(user, id, request.name(), request.active());
	}

	record NewCategory(RequestType type, Long parentId, String name) {
	}

	record CategoryChange(String name, boolean active) {
	}

	record Created(long id) {
	}
}
