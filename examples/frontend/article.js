/*
 * A minimal article page for the Silk Council CMS: no framework, no build step.
 *
 *   index.html?api=http://localhost:1337&slug=recent-china-us-talks
 *
 * One REST request reads the article by slug with the entries it links to; one
 * navigator.sendBeacon records the view. The page must be served from the origin the CMS
 * allows (FRONTEND_URL), otherwise the browser blocks the REST response (CORS).
 */
'use strict';

(function () {
  var DEFAULT_API = 'http://localhost:1337';
  var DEFAULT_SLUG = 'recent-china-us-talks';

  var params = new URLSearchParams(window.location.search);
  var api = (params.get('api') || DEFAULT_API).replace(/\/+$/, '');
  var slug = params.get('slug') || DEFAULT_SLUG;

  var byId = function (id) {
    return document.getElementById(id);
  };

  /** Creates an element with text content; text is never parsed as HTML. */
  var element = function (tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };

  /** Only http(s) links from the CMS become clickable (no javascript: URLs). */
  var safeUrl = function (url) {
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (error) {
      return null;
    }
  };

  var link = function (url, text) {
    var href = safeUrl(url);
    if (!href) return element('span', text);
    var anchor = element('a', text);
    anchor.href = href;
    anchor.rel = 'noopener';
    return anchor;
  };

  /** `precision` "month": only the month is known (a meeting "in March 2021"). */
  var formatDate = function (value, precision) {
    if (!value) return '';
    var options = precision === 'month' ? { month: 'long', year: 'numeric' } : { dateStyle: 'long' };
    // Date-only values (YYYY-MM-DD) are calendar days: format them in UTC so they never shift.
    options.timeZone = 'UTC';
    return new Intl.DateTimeFormat('en', options).format(new Date(value));
  };

  var viewsLabel = function (views) {
    return views + (views === 1 ? ' view' : ' views');
  };

  /* ---- Strapi "blocks" rich text ---- */

  var renderInline = function (node) {
    if (node.type === 'link') {
      var anchor = link(node.url, '');
      (node.children || []).forEach(function (child) {
        anchor.appendChild(renderInline(child));
      });
      return anchor;
    }
    var text = document.createTextNode(node.text || '');
    var wrapped = text;
    var wrap = function (tag) {
      var outer = document.createElement(tag);
      outer.appendChild(wrapped);
      wrapped = outer;
    };
    if (node.code) wrap('code');
    if (node.bold) wrap('strong');
    if (node.italic) wrap('em');
    if (node.underline) wrap('u');
    if (node.strikethrough) wrap('s');
    return wrapped;
  };

  var appendInlines = function (parent, children) {
    (children || []).forEach(function (child) {
      parent.appendChild(child.type === 'list-item' ? renderBlock(child) : renderInline(child));
    });
    return parent;
  };

  var renderBlock = function (block) {
    switch (block.type) {
      case 'heading':
        // The page title is the h1, so article headings start at h2.
        return appendInlines(
          document.createElement('h' + Math.min(6, Math.max(2, (block.level || 1) + 1))),
          block.children,
        );
      case 'list':
        return appendInlines(document.createElement(block.format === 'ordered' ? 'ol' : 'ul'), block.children);
      case 'list-item':
        return appendInlines(document.createElement('li'), block.children);
      case 'quote':
        return appendInlines(document.createElement('blockquote'), block.children);
      case 'code': {
        var pre = document.createElement('pre');
        pre.appendChild(appendInlines(document.createElement('code'), block.children));
        return pre;
      }
      case 'image': {
        var url = block.image && block.image.url;
        // Uploads on the CMS's own disk come as paths relative to it.
        var src = url && safeUrl(url.charAt(0) === '/' ? api + url : url);
        if (!src) return document.createTextNode('');
        var img = document.createElement('img');
        img.src = src;
        img.alt = block.image.alternativeText || '';
        return img;
      }
      default:
        return appendInlines(document.createElement('p'), block.children);
    }
  };

  /* ---- Related entries ---- */

  var fillList = function (sectionId, listId, items, renderItem) {
    if (!items || items.length === 0) return;
    var list = byId(listId);
    items.forEach(function (item) {
      list.appendChild(renderItem(item));
    });
    byId(sectionId).hidden = false;
  };

  var officialItem = function (official) {
    var item = element('li');
    item.appendChild(element('span', official.fullName, 'official-name'));
    if (official.nativeName) item.appendChild(element('span', ' (' + official.nativeName + ')', 'native-name'));
    if (official.position) item.appendChild(element('span', ', ' + official.position, 'detail'));
    return item;
  };

  var meetingItem = function (meeting) {
    var item = element('li', meeting.title);
    var where = [meeting.city, formatDate(meeting.date, meeting.datePrecision)].filter(Boolean).join(', ');
    if (where) item.appendChild(element('span', ' · ' + where, 'detail'));
    return item;
  };

  var statementItem = function (statement) {
    var item = element('li');
    item.appendChild(
      statement.sourceUrl ? link(statement.sourceUrl, statement.title) : element('span', statement.title),
    );
    if (statement.issuedOn) item.appendChild(element('span', ' · ' + formatDate(statement.issuedOn), 'detail'));
    return item;
  };

  /* ---- Data ---- */

  /** The article with everything the page shows, in one request (filters + populate). */
  var articleUrl = function () {
    var query = new URLSearchParams();
    query.set('filters[slug][$eq]', slug);
    var populate = {
      publisher: ['name', 'website'],
      officials: ['fullName', 'nativeName', 'position'],
      meetings: ['title', 'date', 'datePrecision', 'city'],
      statements: ['title', 'issuedOn', 'sourceUrl'],
    };
    Object.keys(populate).forEach(function (relation) {
      populate[relation].forEach(function (field, index) {
        query.set('populate[' + relation + '][fields][' + index + ']', field);
      });
    });
    return api + '/api/articles?' + query.toString();
  };

  /**
   * One view per page load. sendBeacon sends the JSON as text/plain, a "simple" request that
   * needs no CORS preflight and survives the page being closed.
   */
  var recordView = function (documentId) {
    var url = api + '/api/view-counter/views';
    var payload = JSON.stringify({ type: 'article', documentId: documentId });
    if (navigator.sendBeacon && navigator.sendBeacon(url, payload)) return;
    fetch(url, { method: 'POST', body: payload, keepalive: true, headers: { 'Content-Type': 'text/plain' } }).catch(
      function () {
        // A lost view is not worth bothering the reader with.
      },
    );
  };

  var render = function (article) {
    document.title = article.title + ' · Silk Council';
    byId('title').textContent = article.title;
    byId('excerpt').textContent = article.excerpt || '';
    byId('publisher').textContent = article.publisher ? article.publisher.name : '';
    byId('published').textContent = formatDate(article.publishedAt);
    byId('views').textContent = viewsLabel(typeof article.views === 'number' ? article.views : 0);

    var body = byId('body');
    (article.body || []).forEach(function (block) {
      body.appendChild(renderBlock(block));
    });

    fillList('officials-section', 'officials', article.officials, officialItem);
    fillList('meetings-section', 'meetings', article.meetings, meetingItem);
    fillList('statements-section', 'statements', article.statements, statementItem);

    byId('status').hidden = true;
    byId('article').hidden = false;
  };

  var showError = function (message) {
    var status = byId('status');
    status.textContent = message;
    status.className = 'error';
  };

  var load = function () {
    return fetch(articleUrl(), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('The CMS answered ' + response.status);
        return response.json();
      })
      .then(function (payload) {
        var article = payload.data && payload.data[0];
        if (!article) {
          showError('No published article has the slug "' + slug + '".');
          return;
        }
        render(article);
        recordView(article.documentId);
      })
      .catch(function (error) {
        showError('The article could not be loaded: ' + error.message);
      })
      .then(function () {
        byId('content').setAttribute('aria-busy', 'false');
      });
  };

  load();
})();
