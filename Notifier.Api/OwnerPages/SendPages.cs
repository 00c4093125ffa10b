using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Notifier.Api.Pages;
using Notifier.Core.Deliveries;
using Notifier.Core.Messages;
using static Notifier.Api.OwnerPages.OwnerPage;

namespace Notifier.Api.OwnerPages;

/// <summary>"Send a test card": the same validation and outbox as <c>POST /api/messages</c>, to the signed-in account.</summary>
internal static class SendPages
{
    public static IEndpointRouteBuilder MapSendPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapOwnerGroup("/send");
        pages.MapGet("/", () => Form(new TestCardForm { Title = "Test card from Notifier" }, new Dictionary<string, string[]>()));
        pages.MapPost("/", SendAsync);
        return routes;
    }

    private static async Task<IResult> SendAsync(
        [FromForm] TestCardForm form, ClaimsPrincipal user, MessageTemplateBuilder templates, DeliveryIntake intake, CancellationToken cancellationToken)
    {
        var message = templates.Build(form.ToContent());
        if (!message.IsValid)
        {
            return Form(form, message.Errors);
        }

        return await intake.EnqueueAsync(Owner(user), message.TemplateJson!, null, "", cancellationToken) switch
        {
            IntakeResult.Accepted accepted => SeeOther($"/deliveries?done=queued#delivery-{accepted.Delivery.Id}"),
            var refused => NotSent(refused),
        };
    }

    private static IResult Form(TestCardForm form, IDictionary<string, string[]> errors) =>
        Render<SendPage>(new { Form = form, Errors = errors }, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
}
