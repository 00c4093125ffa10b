using System.Net;
using System.Text.Json;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.OpenApi;

public sealed class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] MessageShapes = ["text", "card", "template", "templateId", "scrapUrl"];
    private static readonly string[] MessageFields = [.. MessageShapes, "templateArgs"];

    [Fact]
    public async Task TheDocument_DescribesEveryApiEndpoint_ItsBodies_AndTheBearerScheme()
    {
        using var client = fixture.Factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var root = document.RootElement;
        var paths = root.GetProperty("paths");

        string[] expected =
        [
            "get /api/accounts", "get /api/accounts/{id}", "post /api/accounts/{id}/refresh", "delete /api/accounts/{id}",
            "post /api/messages", "get /api/messages", "get /api/messages/{id}",
            "post /api/schedules", "get /api/schedules", "get /api/schedules/{id}", "put /api/schedules/{id}",
            "delete /api/schedules/{id}", "post /api/schedules/{id}/trigger",
        ];
        var described = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name} {p.Name}"))
            .Where(o => o.Contains(" /api/", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(expected.Order(), described.Order());

        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        foreach (var operation in paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)).SelectMany(p => p.Value.EnumerateObject()))
        {
            Assert.True(operation.Value.TryGetProperty("security", out _), $"{operation.Name} names the bearer scheme");
            Assert.True(operation.Value.GetProperty("responses").TryGetProperty("401", out _), $"{operation.Name} documents 401");
            Assert.True(operation.Value.GetProperty("responses").TryGetProperty("503", out _), $"{operation.Name} documents 503");
        }

        // The two creations that can be sent again safely say how.
        string[] keyed = ["post /api/messages", "post /api/schedules"];
        var withKey = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Where(o =>
                o.Value.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(x => x.GetProperty("name").GetString() == "Idempotency-Key" && x.GetProperty("in").GetString() == "header"))
            .Select(o => $"{o.Name} {p.Name}"));
        Assert.Equal(keyed, withKey.Order());

        var send = paths.GetProperty("/api/messages").GetProperty("post");
        var body = send.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.EndsWith("SendMessageRequest", body, StringComparison.Ordinal);
        Assert.True(send.GetProperty("responses").TryGetProperty("202", out _));
        Assert.Equal("application/problem+json", send.GetProperty("responses").GetProperty("400").GetProperty("content").EnumerateObject().Single().Name);
        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("SendMessageRequest").GetProperty("properties").TryGetProperty("card", out _));
        Assert.True(schemas.TryGetProperty("ScheduleDraft", out _));
        var properties = schemas.GetProperty("SendMessageRequest").GetProperty("properties");
        Assert.All(MessageFields, p => Assert.True(properties.TryGetProperty(p, out _), p));
        var examples = send.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples");
        foreach (var shape in MessageShapes)
        {
            Assert.True(examples.GetProperty(shape).GetProperty("value").TryGetProperty(shape, out _), $"the '{shape}' example shows {shape}");
        }
    }

    [Fact]
    public async Task TheReferencePage_IsServed()
    {
        using var client = fixture.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocument_ShowsEveryCredentialForm_AsAlternatives_AndThe429()
    {
        using var client = fixture.Factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var root = document.RootElement;
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal("basic", schemes.GetProperty("Basic").GetProperty("scheme").GetString());
        var query = schemes.GetProperty("AuthQuery");
        Assert.Equal("apiKey", query.GetProperty("type").GetString());
        Assert.Equal("query", query.GetProperty("in").GetString());
        Assert.Equal("auth", query.GetProperty("name").GetString());
        var send = root.GetProperty("paths").GetProperty("/api/messages").GetProperty("post");
        var alternatives = send.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Single().Name).ToList();
        Assert.Equal(["Bearer", "Basic", "AuthQuery"], alternatives);
        Assert.True(send.GetProperty("responses").TryGetProperty("429", out _));
        Assert.Contains("/keys", root.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
