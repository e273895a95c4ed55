namespace Fenghua.Cms.Editorial.Api;

/// <summary>The hand-written OpenAPI 3.0 description of /api/v1, served at /api/v1/openapi.json.</summary>
public static class OpenApiDocument
{
    public const string Json = """
{
 "openapi": "3.0.3",
 "info": {
  "title": "奉化区政务网站集约化平台 内容 API",
  "version": "1.0.0",
  "description": "Bearer 令牌（fenghua tokens create）。权限按稿件所属站点校验。错误为 application/problem+json，parameter 指出出错的字段。时间为北京时间 YYYY-MM-DD HH:MM。"
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "security": [
  {
   "bearer": []
  }
 ],
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer"
   }
  },
  "responses": {
   "Problem": {
    "description": "错误",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   }
  },
  "schemas": {
   "Problem": {
    "type": "object",
    "properties": {
     "type": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "status": {
      "type": "integer"
     },
     "detail": {
      "type": "string"
     },
     "parameter": {
      "type": "string",
      "description": "The parameter or field at fault, e.g. parts.GovDocument.documentNumber."
     },
     "errors": {
      "type": "array",
      "description": "On 400 every rejected field; on 409 (checks not passed) every finding, which adds kind, severity, line, column, offset, length and text.",
      "items": {
       "type": "object",
       "required": ["field", "message"],
       "properties": {
        "field": { "type": "string" },
        "message": { "type": "string" }
       }
      }
     }
    }
   },
   "Content": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "site": {
      "type": "integer"
     },
     "contentType": {
      "type": "string"
     },
     "columnId": {
      "type": "integer",
      "nullable": true
     },
     "slug": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "Draft",
       "InReview",
       "Published",
       "Archived"
      ]
     },
     "version": {
      "type": "integer"
     },
     "author": {
      "type": "string"
     },
     "publicPath": {
      "type": "string",
      "nullable": true
     },
     "published": {
      "type": "boolean"
     },
     "parts": {
      "type": "object"
     }
    }
   }
  }
 },
 "paths": {
  "/api/v1/content": {
   "get": {
    "summary": "列出站点的稿件",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "site",
      "in": "query",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "type",
      "in": "query",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "state",
      "in": "query",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "author",
      "in": "query",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "q",
      "in": "query",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "page",
      "in": "query",
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "summary": "新建稿件（草稿）",
    "responses": {
     "201": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "site": {
          "type": "string"
         },
         "contentType": {
          "type": "string"
         },
         "column": {
          "description": "栏目编号或路径"
         },
         "slug": {
          "type": "string"
         },
         "parts": {
          "type": "object"
         }
        },
        "required": [
         "contentType",
         "parts"
        ]
       }
      }
     }
    }
   }
  },
  "/api/v1/content/{id}": {
   "get": {
    "summary": "读取稿件的最新版本",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ]
   },
   "put": {
    "summary": "保存草稿",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "parts": {
          "type": "object"
         }
        },
        "required": [
         "parts"
        ]
       }
      }
     }
    }
   }
  },
  "/api/v1/content/{id}/checks": {
   "get": {
    "summary": "运行公开前审查（不改变状态）",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ]
   }
  },
  "/api/v1/content/{id}/submit": {
   "post": {
    "summary": "提交审核（检查未通过时 409）",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "leaveToReviewer": {
          "type": "boolean"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/content/{id}/approve": {
   "post": {
    "summary": "审核通过（初审/终审；最后一级即发布）",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "comment": {
          "type": "string"
         },
         "publishAt": {
          "type": "string"
         },
         "backdateReason": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/content/{id}/reject": {
   "post": {
    "summary": "退回修改（须填写意见）",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "comment": {
          "type": "string"
         }
        },
        "required": [
         "comment"
        ]
       }
      }
     }
    }
   }
  },
  "/api/v1/content/{id}/publish": {
   "post": {
    "summary": "发布已通过审核的稿件",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "publishAt": {
          "type": "string"
         },
         "backdateReason": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/content/{id}/unpublish": {
   "post": {
    "summary": "撤下",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ]
   }
  },
  "/api/v1/content/{id}/mask": {
   "post": {
    "summary": "一键脱敏（生成新版本）",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ]
   }
  },
  "/api/v1/content/{id}/override": {
   "post": {
    "summary": "审核人放行个人信息/敏感词检查",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "reason": {
          "type": "string"
         }
        },
        "required": [
         "reason"
        ]
       }
      }
     }
    }
   }
  },
  "/api/v1/content/{id}/schedule": {
   "post": {
    "summary": "定时发布/撤下",
    "responses": {
     "200": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "action": {
          "type": "string",
          "enum": [
           "publish",
           "unpublish"
          ]
         },
         "at": {
          "type": "string"
         }
        },
        "required": [
         "action",
         "at"
        ]
       }
      }
     }
    }
   }
  }
 }
}
""";
}
