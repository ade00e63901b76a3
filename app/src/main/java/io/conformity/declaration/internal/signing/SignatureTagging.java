package io.conformity.declaration.internal.signing;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSUpdateInfo;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The signature field's widget in the structure tree of a tagged (PDF/UA) declaration. PDF/UA-1 wants every
 * annotation that is not hidden tagged, and PDF/A forbids hiding it, so the invisible widget gets a {@code Form}
 * element of its own, with a description, under the document's top-level element.
 */
final class SignatureTagging {

    private SignatureTagging() {}

    static void tag(PDDocument document, PDSignature signature, SignatureDetails details) {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return;
        }
        PDSignatureField field = document.getSignatureFields().stream()
                .filter(f -> f.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The signature field just added is not in the form"));
        String description = "Digital signature: " + details.reason();
        field.setAlternateFieldName(description);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        PDPage page = widget.getPage();

        PDStructureNode parent = topLevelElement(root);
        PDStructureElement form = new PDStructureElement(StandardStructureTypes.FORM, parent);
        form.setAlternateDescription(description);
        if (page != null) {
            form.setPage(page);
        }
        PDObjectReference reference = new PDObjectReference();
        reference.setReferencedObject(widget);
        if (page != null) {
            reference.getCOSObject().setItem(COSName.PG, page);
        }
        form.appendKid(reference);
        parent.appendKid(form);
        updated(parent.getCOSObject());
        updated(parent.getCOSObject().getDictionaryObject(COSName.K));

        int key = Math.max(root.getParentTreeNextKey(), 0);
        widget.setStructParent(key);
        addToParentTree(root, key, form.getCOSObject());
        root.setParentTreeNextKey(key + 1);
        updated(root.getCOSObject());
        updated(widget.getCOSObject());
        updated(field.getCOSObject());
    }

    /** The document's single top-level element (usually {@code Document}); the root itself if there is none. */
    private static PDStructureNode topLevelElement(PDStructureTreeRoot root) {
        for (Object kid : root.getKids()) {
            if (kid instanceof PDStructureElement element) {
                return element;
            }
        }
        return root;
    }

    /**
     * The key is past every key in the tree, so appending keeps the number tree ordered: to the root's {@code Nums}
     * in a flat tree, as a new last leaf in one with {@code Kids}.
     */
    private static void addToParentTree(PDStructureTreeRoot root, int key, COSDictionary element) {
        COSDictionary tree = root.getCOSObject().getCOSDictionary(COSName.PARENT_TREE);
        if (tree == null) {
            tree = new COSDictionary();
            tree.setItem(COSName.NUMS, new COSArray());
            root.getCOSObject().setItem(COSName.PARENT_TREE, tree);
        }
        COSArray kids = tree.getCOSArray(COSName.KIDS);
        if (kids != null) {
            COSDictionary leaf = new COSDictionary();
            COSArray nums = new COSArray();
            nums.add(COSInteger.get(key));
            nums.add(element);
            leaf.setItem(COSName.NUMS, nums);
            COSArray limits = new COSArray();
            limits.add(COSInteger.get(key));
            limits.add(COSInteger.get(key));
            leaf.setItem(COSName.LIMITS, limits);
            kids.add(leaf);
            updated(kids);
        } else {
            COSArray nums = tree.getCOSArray(COSName.NUMS);
            if (nums == null) {
                nums = new COSArray();
                tree.setItem(COSName.NUMS, nums);
            }
            nums.add(COSInteger.get(key));
            nums.add(element);
            updated(nums);
        }
        updated(tree);
    }

    private static void updated(COSBase object) {
        if (object instanceof COSUpdateInfo info) {
            info.setNeedToBeUpdated(true);
        }
    }
}
