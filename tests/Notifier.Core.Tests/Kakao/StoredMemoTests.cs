using System.Text.Json.Nodes;
using Notifier.Core.Kakao;

namespace Notifier.Core.Tests.Kakao;

/// <summary>What a delivery stores says which memo endpoint it goes to; a plain template object is the default send.</summary>
public sealed class StoredMemoTests
{
    private static readonly Dictionary<string, string> Args = new() { ["name"] = "민수", ["q"] = "a&b=c" };

    [Fact]
    public void CustomTemplate_RoundTrips_ThroughTheEnvelope()
    {
        var stored = new StoredMemo.CustomTemplate(12345, Args).ToStoredJson();

        var read = Assert.IsType<StoredMemo.CustomTemplate>(StoredMemo.FromStoredJson(stored));

        Assert.Equal(12345, read.TemplateId);
        Assert.Equal(Args, read.TemplateArgs);
    }

    [Fact]
    public void Scrap_RoundTrips_WithAndWithoutATemplate()
    {
        var bare = Assert.IsType<StoredMemo.Scrap>(StoredMemo.FromStoredJson(new StoredMemo.Scrap("https://example.com/p/1", null, null).ToStoredJson()));
        var laidOut = Assert.IsType<StoredMemo.Scrap>(StoredMemo.FromStoredJson(new StoredMemo.Scrap("https://example.com/p/2", 7, Args).ToStoredJson()));

        Assert.Equal(("https://example.com/p/1", (long?)null, (IReadOnlyDictionary<string, string>?)null), (bare.RequestUrl, bare.TemplateId, bare.TemplateArgs));
        Assert.Equal(("https://example.com/p/2", (long?)7), (laidOut.RequestUrl, laidOut.TemplateId));
        Assert.Equal(Args, laidOut.TemplateArgs);
    }

    [Theory]
    [InlineData("""{"object_type":"text","text":"hi","link":{"web_url":"https://example.com"}}""")]
    [InlineData("""{"object_type":"text","text":"notifier_memo","notifier_memo":"custom","template_id":1,"link":{"web_url":"https://example.com"}}""")]
    public void ATemplateObject_IsTheDefaultSend_AsStored(string template)
    {
        var read = Assert.IsType<StoredMemo.DefaultTemplate>(StoredMemo.FromStoredJson(template));

        Assert.Equal(template, read.TemplateObject);
    }

    [Fact]
    public void TemplateArgs_AreSentAsOneJsonObjectString()
    {
        var json = StoredMemo.ArgsJson(Args);

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["name"] = "민수", ["q"] = "a&b=c" }, JsonNode.Parse(json!)), json);
        Assert.Null(StoredMemo.ArgsJson(null));
    }
}
