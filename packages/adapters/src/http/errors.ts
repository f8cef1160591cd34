/** The HTTP adapter's error bodies: a stable code, a message in zh-CN and English, and optional detail. */

export interface HttpErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: { readonly 'zh-CN': string; readonly en: string };
    readonly detail?: unknown;
  };
}

/** Every error the adapter answers with, by code: status and messages. */
export const HTTP_ERRORS = {
  'empty-submission': { status: 400, 'zh-CN': '请求中没有自评表：请在请求体或 multipart 的文件字段中提交', en: 'No form in the request: send it as the body or as a multipart file part' },
  'bad-request': { status: 400, 'zh-CN': '请求参数不正确', en: 'Invalid request parameters' },
  'malformed-request': {
    status: 400,
    'zh-CN': 'HTTP 请求格式不正确：URL 中的中文等非 ASCII 字符须百分号编码（如 ?filename=%E8%A1%A8.docx）',
    en: 'Malformed HTTP request: non-ASCII characters in the URL must be percent-encoded (e.g. ?filename=%E8%A1%A8.docx)',
  },
  'bad-multipart': { status: 400, 'zh-CN': 'multipart 请求格式不正确', en: 'Malformed multipart request' },
  'unknown-format': { status: 400, 'zh-CN': '不支持的输出格式', en: 'Unknown output format' },
  'unknown-locale': { status: 400, 'zh-CN': '不支持的报告语言（可选 zh-CN、en）', en: 'Unknown report language (zh-CN or en)' },
  'host-not-allowed': { status: 403, 'zh-CN': '请求的 Host 不是本服务的地址（防 DNS 重绑定）：请用服务监听的地址访问，或以 --allowed-host 允许该名称', en: 'The Host of the request is not an address of this server (DNS rebinding defence): use the address it listens on, or allow the name with --allowed-host' },
  'not-found': { status: 404, 'zh-CN': '没有这个地址', en: 'No such route' },
  'method-not-allowed': { status: 405, 'zh-CN': '该地址不支持此请求方法', en: 'Method not allowed on this route' },
  'request-timeout': { status: 408, 'zh-CN': '请求未在时限内发送完毕', en: 'The request was not received in time' },
  'not-acceptable': { status: 406, 'zh-CN': 'Accept 头中没有可提供的格式', en: 'None of the media types in Accept can be produced' },
  'body-too-large': { status: 413, 'zh-CN': '请求体过大', en: 'Request body too large' },
  'too-many-files': { status: 413, 'zh-CN': '一次提交的文件过多', en: 'Too many files in one request' },
  'headers-too-large': { status: 431, 'zh-CN': '请求头过大', en: 'Request headers too large' },
  'unsupported-media-type': { status: 415, 'zh-CN': '不支持的请求内容类型', en: 'Unsupported request content type' },
  'read-timeout': { status: 422, 'zh-CN': '读取自评表超过了每个请求的时间上限：文件过大或过于复杂', en: 'Reading the forms took longer than the time limit of a request: a file is too large or too complex' },
  'unreadable-submission': { status: 422, 'zh-CN': '无法读取提交的自评表', en: 'The submitted form could not be read' },
  internal: { status: 500, 'zh-CN': 'jixiao 内部错误，请将请求内容报告给维护者', en: 'jixiao internal error; please report the request to the maintainers' },
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

/** An error the routes throw; the error handler turns it into its status and body. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    readonly detail?: unknown,
  ) {
    super(HTTP_ERRORS[code].en);
    this.name = 'HttpError';
    this.status = HTTP_ERRORS[code].status;
  }

  body(): HttpErrorBody {
    const e = HTTP_ERRORS[this.code];
    return { error: { code: this.code, message: { 'zh-CN': e['zh-CN'], en: e.en }, ...(this.detail === undefined ? {} : { detail: this.detail }) } };
  }
}

/** Map an error from fastify or @fastify/multipart (by its documented code) to ours. */
export function fromFrameworkError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const e = error as { code?: unknown; statusCode?: unknown; message?: unknown; validation?: unknown };
  const message = typeof e.message === 'string' ? e.message : undefined;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new HttpError('body-too-large', message);
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new HttpError('too-many-files', message);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PROTO_VIOLATION':
      return new HttpError('bad-multipart', message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError('unsupported-media-type', message);
    default:
      break;
  }
  if (e.validation !== undefined) return new HttpError('bad-request', message);
  // Busboy reports a malformed multipart body as a plain Error.
  if (message !== undefined && /multipart|boundary|Unexpected end of form|Malformed part header/i.test(message)) return new HttpError('bad-multipart', message);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return new HttpError('bad-request', message);
  return new HttpError('internal');
}
