using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifier.Core.Messages;

/// <summary>The <c>commerce</c> object of a commerce template: a regular price, and at most one kind of discount.</summary>
internal static class CommerceCheck
{
    public static void Check(JsonNode? commerce, string path, MessageValidation result)
    {
        if (TemplateCheck.Member(commerce, "regular_price")?.GetValueKind() != JsonValueKind.Number)
        {
            result.Add($"{path}.regular_price", "is required for a commerce template (a number)");
        }

        if (TemplateCheck.Member(commerce, "discount_rate") is not null && TemplateCheck.Member(commerce, "fixed_discount_price") is not null)
        {
            result.Add($"{path}.fixed_discount_price", "give discount_rate or fixed_discount_price, not both (Kakao takes one kind of discount)");
        }
    }
}
