package io.kefu.request;

import java.util.List;
import java.util.Optional;

import io.kefu.request.domain.Categories;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category trees administrators configure. A category in use is never deleted:
 * it is retired, so old requests keep their category and new ones cannot choose it.
 */
@Service
public class CategoryManagement {

	private final Categories categories;

	CategoryManagement(Categories categories) {
		this.categories = categories;
	}

	public List<Category> all(RequestType type) {
		return categories.all(type);
	}

	/** The category, retired or not. */
	public Optional<Category> find(long id) {
		return categories.row(id);
	}

	@Transactional
	public long add(CurrentUser user, RequestType type, Long parentId, String name) {
		requireAdministrator(user);
		if (type == null) {
			throw new InvalidInputException("type", "请选择工单类型");
		}
		if (parentId != null) {
			Category parent = categories.row(parentId).orElseThrow(() -> new InvalidInputException("parentId", "上级类别不存在"));
			if (parent.type() != type || parent.parentId() != null) {
				throw new InvalidInputException("parentId", "上级类别须是同一类型的一级类别");
			}
		}
		try {
			return categories.add(type, parentId, checkedName(name));
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "类别“" + name.strip() + "”已存在");
		}
	}

	@Transactional
	public void update(CurrentUser user, long id, String name, boolean active) {
		requireAdministrator(user);
		try {
			if (categories.update(id, checkedName(name), active) == 0) {
				throw new NotFoundException("没有找到该类别");
			}
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "类别“" + name.strip() + "”已存在");
		}
	}

	private static String checkedName(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "请填写类别名称");
		}
		if (name.strip().length() > 30) {
			throw new InvalidInputException("name", "类别名称不能超过 30 个字");
		}
		return name.strip();
	}

	private static void requireAdministrator(CurrentUser user) {
		if (!user.isAdministrator()) {
			throw new AccessDeniedException("administrator");
		}
	}
}
